package es.cesta.ui.spending;

import es.cesta.tickets.Category;
import es.cesta.tickets.CategoryMemory;
import es.cesta.tickets.ImportState;
import es.cesta.tickets.ShopIdentity;
import es.cesta.tickets.SpendingGroup;
import es.cesta.tickets.Ticket;
import es.cesta.ui.Categories;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/** Spending per month, per shop and per category over a period: plain numbers the charts draw. */
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

    /**
     * One stack of the per-category chart: a group's spending per month, or inside a group one
     * category's ({@code category} is null at the group level).
     */
    public record Stack(SpendingGroup group, Category category, String name, List<Bar> months) {

        public BigDecimal total() {
            return months.stream().map(Bar::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static final int SHOPS_SHOWN = 8;

    private Spending() {}

    static List<Ticket> counted(List<Ticket> tickets, Period period) {
        List<Ticket> read = tickets.stream()
                // A probable twin of another ticket is the same purchase: counted once.
                .filter(t ->
                        t.state() == ImportState.DONE && t.twinOf() == null && t.date() != null && t.total() != null)
                .toList();
        return inPeriod(read, Ticket::date, period);
    }

    /** What falls in the period ending with the newest one's month (so an old library still shows). */
    private static <T> List<T> inPeriod(List<T> dated, Function<T, LocalDate> dateOf, Period period) {
        LocalDate newest =
                dated.stream().map(dateOf).max(Comparator.naturalOrder()).orElse(LocalDate.now(ZoneId.systemDefault()));
        LocalDate start = period.start(newest);
        return dated.stream().filter(x -> !dateOf.apply(x).isBefore(start)).toList();
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

    /** The lines of the period: those of the newest line's month and the months before it that it spans. */
    static List<CategoryMemory.Line> countedLines(List<CategoryMemory.Line> lines, Period period) {
        return inPeriod(lines, CategoryMemory.Line::date, period);
    }

    /** A line not categorised yet (read before categories existed) counts as Other until it is. */
    static Category categoryOf(CategoryMemory.Line line) {
        return line.category() != null ? line.category() : Category.OTHER;
    }

    /**
     * Spending per month stacked by group, or, {@code within} a group, by its categories; largest
     * first. Every stack has a bar for every month of the period, so that the stacks line up.
     */
    public static List<Stack> perCategory(
            List<CategoryMemory.Line> lines, Period period, SpendingGroup within, Texts texts) {
        List<CategoryMemory.Line> counted = countedLines(lines, period);
        List<YearMonth> months = counted.stream()
                .map(l -> YearMonth.from(l.date()))
                .distinct()
                .sorted()
                .toList();
        Map<Object, Map<YearMonth, BigDecimal>> sums = new LinkedHashMap<>();
        for (CategoryMemory.Line line : counted) {
            Category category = categoryOf(line);
            if (within != null && category.group() != within) {
                continue;
            }
            Object key = within == null ? category.group() : category;
            sums.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(YearMonth.from(line.date()), line.amount(), BigDecimal::add);
        }
        return sums.entrySet().stream()
                .map(e -> {
                    List<Bar> bars = months.stream()
                            .map(m -> new Bar(m.toString(), e.getValue().getOrDefault(m, BigDecimal.ZERO)))
                            .toList();
                    return e.getKey() instanceof Category c
                            ? new Stack(c.group(), c, Categories.name(texts, c), bars)
                            : new Stack(
                                    (SpendingGroup) e.getKey(),
                                    null,
                                    Categories.name(texts, (SpendingGroup) e.getKey()),
                                    bars);
                })
                .sorted(Comparator.comparing(Stack::total).reversed())
                .toList();
    }

    /** The period's lines of one stack (a group, or one category), newest first. */
    public static List<CategoryMemory.Line> linesOf(List<CategoryMemory.Line> lines, Period period, Stack stack) {
        return countedLines(lines, period).stream()
                .filter(l -> stack.category() != null
                        ? categoryOf(l) == stack.category()
                        : categoryOf(l).group() == stack.group())
                .sorted(Comparator.comparing(CategoryMemory.Line::date).reversed())
                .toList();
    }

    /** The shops with most spending, largest first; the rest together as "Other shops". */
    public static List<Bar> perShop(List<Ticket> tickets, Period period, Texts texts) {
        Function<Ticket, String> shop = ShopIdentity.names(tickets); // one tax ID, one shop
        Map<String, BigDecimal> shops = counted(tickets, period).stream()
                .collect(Collectors.groupingBy(
                        t -> shop.apply(t) == null ? texts.get("spending.unknownShop") : shop.apply(t),
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
