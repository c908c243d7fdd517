package es.cesta.ui.main;

import es.cesta.client.NextShop;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The next-shop card's words: the likely shops with their chance, and when the next visit is due. */
final class NextShopText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    private NextShopText() {
    }

    static String describe(NextShop.Response answer) {
        if (answer.predictions().isEmpty()) {
            return "Import a few tickets and Cesta will tell where and when you are likely to shop next.";
        }
        String shops = answer.predictions().stream().limit(3)
                .map(p -> String.format(Locale.ROOT, "%3d%%  %s", Math.round(100 * p.probability()), p.shop()))
                .collect(Collectors.joining("\n"));
        StringBuilder text = new StringBuilder(shops);
        if (answer.nextVisit() != null) {
            LocalDateTime expected = answer.nextVisit().expected();
            text.append("\n\nNext visit around ").append(WHEN.format(expected));
            if (answer.nextVisit().interval80() != null && answer.nextVisit().interval80().size() == 2) {
                text.append(" (80% between ").append(WHEN.format(answer.nextVisit().interval80().get(0)))
                        .append(" and ").append(WHEN.format(answer.nextVisit().interval80().get(1))).append(")");
            }
        }
        if (!"normal".equals(answer.confidence())) {
            text.append("\nOnly ").append(answer.historySize()).append(" tickets so far: a rough guess.");
        }
        return text.toString();
    }
}
