"""How a product name or a ticket line is reduced before it is compared or classified.

Ticket lines are upper case, cut at about 20 characters and abbreviated; catalogue names are mixed
case with accents, sizes and connecting words. Both go through `normalise` so that they meet in
the middle: upper case without accents, sizes and counts dropped (they say how much, not what),
connecting words dropped (tickets leave them out: "TOMATE FRITO S/AZUCAR").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property
from itertools import chain, repeat

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

_NOT_WORD = re.compile(r"[^A-Z0-9%]+")
_MULTIPACK = re.compile(r"\b\d+\s*X\s*\d+(?:[.,]\d+)?\s*(?:G|GR|KG|ML|CL|L|LT)?\b")
_SIZE = re.compile(r"\b\d+(?:[ .,]\d+)?\s*(?:G|GR|GRS|KG|ML|CL|L|LT|LTS|UD|UDS|UNID|U|X|P|M)?\b")
_PACKING = re.compile(r"\b(?:UNID|UDS|UD|KG|GR|ML|P)\b")
_CONNECTING = re.compile(r"\b(?:DE|DEL|LA|LAS|LOS|EL|AL|CON|EN|Y|A|PARA)\b")

# Word prefixes that feed the classifier besides character n-grams: tickets abbreviate a word by
# cutting it, so its first 3-5 letters carry it; the first word is the product's head noun in
# Spanish ("ACEITE GIRASOL" is oil, "ATUN ACEITE GIRASOL" is tuna), so it gets its own tokens.
PREFIX_LENGTHS = (3, 4, 5)
CHAR_NGRAMS = (2, 5)


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.upper())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_WORD.sub(" ", plain)
    words = _MULTIPACK.sub(" ", words)
    words = _SIZE.sub(" ", words)
    words = _PACKING.sub(" ", words)
    words = _CONNECTING.sub(" ", words)
    return " ".join(words.split())


def word_prefixes(normalised: str) -> list[str]:
    """The classifier's word tokens: each word's leading letters, the head word's marked with ^."""
    tokens = []
    for position, word in enumerate(normalised.split()):
        for length in PREFIX_LENGTHS:
            if len(word) >= length:
                tokens.append(word[:length])
                if position == 0:
                    tokens.append("^" + word[:length])
    return tokens


def char_ngrams(text: str) -> list[str]:
    """The character 2-5-grams of each word padded with a space, as scikit-learn's `char_wb`
    analyser makes them (lower-cased; a word no longer than n gives itself once, then no longer
    n-grams), in a third of its time; a test holds the two equal."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            if size <= n:
                grams.append(padded)
                break
            grams.extend([padded[i:i + n] for i in range(size - n + 1)])
    return grams


class LineFeatures:
    """TF-IDF over character n-grams and over word prefixes, side by side.

    Fitted with scikit-learn's vectorisers; at request time `transform` applies their fitted
    vocabulary and IDF weights itself (sublinear TF, IDF, each half normalised to unit length, as
    the vectorisers do): their own `transform` validates and copies its way through ~1 ms per call
    whatever the number of lines, a fifth of the budget for a ticket. `sklearn_transform` is the
    reference it is tested against.
    """

    def __init__(self, min_df: int = 2) -> None:
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=min_df, sublinear_tf=True,
                                     dtype=np.float32)
        self.prefixes = TfidfVectorizer(analyzer=word_prefixes, min_df=min_df, sublinear_tf=True, dtype=np.float32)

    def fit_transform(self, lines: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.chars.fit_transform(lines), self.prefixes.fit_transform(lines)], format="csr")

    def sklearn_transform(self, lines: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.chars.transform(lines), self.prefixes.transform(lines)], format="csr")

    def transform(self, lines: list[str]) -> sparse.csr_matrix:
        # Every token of every line looked up at once (dict.get mapped in C), then counted and
        # weighted in NumPy: per-token Python work was most of the time.
        columns: list[np.ndarray] = []
        for half, (analyse, vocabulary, offset) in enumerate(
                ((char_ngrams, self.chars.vocabulary_, 0),
                 (word_prefixes, self.prefixes.vocabulary_, len(self.chars.vocabulary_)))):
            tokens = [analyse(line) for line in lines]
            found = np.fromiter(map(vocabulary.get, chain.from_iterable(tokens), repeat(-1)), dtype=np.int64)
            segment = np.repeat(np.arange(len(lines), dtype=np.int64) * 2 + half, [len(t) for t in tokens])
            known = found >= 0
            columns.append(segment[known] * self.size + found[known] + offset)
        keys, counts = np.unique(np.concatenate(columns), return_counts=True)
        where, found = np.divmod(keys, self.size)
        weights = (1.0 + np.log(counts)) * self._idf[found]
        lengths = np.sqrt(np.bincount(where, weights * weights, minlength=2 * len(lines)))
        weights /= lengths[where]
        # float32 like the classifier's weights: a float64 matrix times them would convert them first.
        return sparse.csr_matrix((weights.astype(np.float32), (where // 2, found)), shape=(len(lines), self.size))

    @cached_property
    def _idf(self) -> np.ndarray:
        return np.concatenate([self.chars.idf_, self.prefixes.idf_])

    @property
    def size(self) -> int:
        return len(self.chars.vocabulary_) + len(self.prefixes.vocabulary_)
