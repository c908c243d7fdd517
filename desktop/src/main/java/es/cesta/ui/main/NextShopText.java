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

    static String describe(Texts texts, NextShop.Response answer) {
        if (answer.predictions().isEmpty()) {
            return texts.get("nextShop.empty");
        }
        DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.get("nextShop.when"), texts.locale());
        String shops = answer.predictions().stream()
                .limit(3)
                .map(p -> String.format(Locale.ROOT, "%3d%%  %s", Math.round(100 * p.probability()), p.shop()))
                .collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder(shops);
        if (answer.nextVisit() != null) {
            LocalDateTime expected = answer.nextVisit().expected();
            text.append("\n\n").append(texts.get("nextShop.visit", when.format(expected)));
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
            text.append('\n').append(texts.get("nextShop.rough", answer.historySize()));
        }
        return text.toString();
    }
}
