"""How a product name or a ticket line is reduced before it is compared or classified.

Ticket lines are upper case, cut at about 20 characters and abbreviated; catalogue names are mixed
case with accents, sizes and connecting words. Both go through `normalise` so that they meet in
the middle: upper case without accents, sizes and counts dropped (they say how much, not what),
connecting words dropped (tickets leave them out: "TOMATE FRITO S/AZUCAR").
"""

from __future__ import annotations

import re
import unicodedata

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


class LineFeatures:
    """TF-IDF over character n-grams and over word prefixes, side by side.

    A plain pair instead of scikit-learn's FeatureUnion: the union dispatches through joblib even
    when sequential, which cost about 1 ms per request (a third of the budget for a 40-line ticket).
    """

    def __init__(self, min_df: int = 2) -> None:
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=min_df, sublinear_tf=True,
                                     dtype=np.float32)
        self.prefixes = TfidfVectorizer(analyzer=word_prefixes, min_df=min_df, sublinear_tf=True, dtype=np.float32)

    def fit_transform(self, lines: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.chars.fit_transform(lines), self.prefixes.fit_transform(lines)], format="csr")

    def transform(self, lines: list[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.chars.transform(lines), self.prefixes.transform(lines)], format="csr")

    @property
    def size(self) -> int:
        return len(self.chars.vocabulary_) + len(self.prefixes.vocabulary_)
