package es.cesta.ui.spending;

import es.cesta.tickets.ImportState;
import es.cesta.tickets.Ticket;
import es.cesta.ui.Texts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Spending per month and per shop over a period: plain numbers the charts draw. */
public final class Spending {

    /** One bar: a label and an amount. */
    public record Bar(String label, BigDecimal amount) {}

    /** The periods a person picks from; {@code months} 0 means everything. */
    public enum Period {
        LAST_3_MONTHS("period.last3", 3),
        LAST_12_MONTHS("period.last12", 12),
        ALL("period.all", 0);

        private final String textKey;
        private final int months;

        Period(String textKey, int months) {
            this.textKey = textKey;
            this.months = months;
        }

        /** The key of its name in {@link Texts}. */
        public String textKey() {
            return textKey;
        }

        /** The first day counted, relative to the newest ticket (so an old library still shows). */
        LocalDate start(LocalDate newest) {
            return months == 0 ? LocalDate.MIN : newest.withDayOfMonth(1).minusMonths(months - 1L);
        }
    }

    static final int SHOPS_SHOWN = 8;

    private Spending() {}

    static List<Ticket> counted(List<Ticket> tickets, Period period) {
        List<Ticket> read = tickets.stream()
                .filter(t -> t.state() == ImportState.DONE && t.date() != null && t.total() != null)
                .toList();
        LocalDate newest = read.stream()
                .map(Ticket::date)
                .max(Comparator.naturalOrder())
                .orElse(LocalDate.now(ZoneId.systemDefault()));
        LocalDate start = period.start(newest);
        return read.stream().filter(t -> !t.date().isBefore(start)).toList();
    }

    public static List<Bar> perMonth(List<Ticket> tickets, Period period) {
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        for (Ticket t : counted(tickets, period)) {
            months.merge(YearMonth.from(t.date()), t.total(), BigDecimal::add);
        }
        return months.entrySet().stream()
                .map(e -> new Bar(e.getKey().toString(), e.getValue()))
                .toList();
    }

    /** The shops with most spending, largest first; the rest together as "Other shops". */
    public static List<Bar> perShop(List<Ticket> tickets, Period period, Texts texts) {
        Map<String, BigDecimal> shops = counted(tickets, period).stream()
                .collect(Collectors.groupingBy(
                        t -> t.shopName() == null ? texts.get("spending.unknownShop") : t.shopName(),
                        LinkedHashMap::new,
                        Collectors.reducing(BigDecimal.ZERO, Ticket::total, BigDecimal::add)));
        List<Bar> ranked = shops.entrySet().stream()
                .map(e -> new Bar(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Bar::amount).reversed())
                .toList();
        if (ranked.size() <= SHOPS_SHOWN) {
            return ranked;
        }
        List<Bar> shown = new ArrayList<>(ranked.subList(0, SHOPS_SHOWN - 1));
        shown.add(new Bar(
                texts.get("spending.otherShops"),
                ranked.subList(SHOPS_SHOWN - 1, ranked.size()).stream()
                        .map(Bar::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
        return shown;
    }
}
