package es.cesta.ui.main;

import es.cesta.client.NextShop;
import es.cesta.ui.Texts;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The next-shop card's words: the likely shops with their chance, and when the next visit is due. */
final class NextShopText {

    private NextShopText() {}

    /** The shops the card shows, most likely first. */
    static final int SHOWN = 3;

    static String describe(Texts texts, NextShop.Response answer) {
        if (answer.predictions().isEmpty()) {
            return texts.get("nextShop.empty");
        }
        String shops = answer.predictions().stream()
                .limit(SHOWN)
                .map(p -> String.format(Locale.ROOT, "%3d%%  %s", percent(p), p.shop()))
                .collect(Collectors.joining("\n"));
        String visit = visit(texts, answer);
        return visit.isEmpty() ? shops : shops + "\n\n" + visit;
    }

    /** The chance of a shop, in whole percent. */
    static long percent(NextShop.Prediction prediction) {
        return Math.round(100 * prediction.probability());
    }

    /** When the next visit is due, and how rough the guess is ("" when the answer says neither). */
    static String visit(Texts texts, NextShop.Response answer) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.get("nextShop.when"), texts.locale());
        StringBuilder text = new StringBuilder();
        if (answer.nextVisit() != null) {
            LocalDateTime expected = answer.nextVisit().expected();
            text.append(texts.get("nextShop.visit", when.format(expected)));
            if (answer.nextVisit().interval80() != null
                    && answer.nextVisit().interval80().size() == 2) {
                text.append(' ')
                        .append(texts.get(
                                "nextShop.interval",
                                when.format(answer.nextVisit().interval80().get(0)),
                                when.format(answer.nextVisit().interval80().get(1))));
            }
        }
        if (!"normal".equals(answer.confidence())) {
            text.append(text.isEmpty() ? "" : "\n").append(texts.get("nextShop.rough", answer.historySize()));
        }
        return text.toString();
    }
}
