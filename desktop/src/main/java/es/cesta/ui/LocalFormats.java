package es.cesta.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates and amounts as the window's language writes them (Spanish {@code 28/11/2026} and
 * {@code 1.234,56}; English {@code 28 Nov 2026} and {@code 1,234.56}), and read back from what a
 * person types in that language. The library keeps ISO dates and plain decimals: this is only the
 * window's side. Thread-safe: every call makes its own formatter where the JDK's is not.
 */
public final class LocalFormats {

    // A separator followed by exactly three digits, once: "1.234" is a thousand in Spanish, "1,234" in
    // English. Any other lone separator is the decimal one, whichever the person's keyboard put there
    // ("12.50" typed in Spanish is twelve and a half, not a typo to refuse).
    private static final Pattern THOUSANDS_ONLY = Pattern.compile("\\d{1,3}([.,]\\d{3})+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d*[.,]?\\d*");

    private final Locale locale;
    private final char decimal;
    private final char grouping;
    private final DateTimeFormatter shownDate;
    private final List<DateTimeFormatter> typedDates;

    LocalFormats(Locale locale) {
        this.locale = locale;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimal = symbols.getDecimalSeparator();
        this.grouping = symbols.getGroupingSeparator();
        boolean spanish = "es".equals(locale.getLanguage());
        // Day first in both: Cesta's English is not American, and its tickets print the day first.
        this.shownDate = DateTimeFormatter.ofPattern(spanish ? "dd/MM/uuuu" : "d MMM uuuu", locale);
        this.typedDates = List.of(
                DateTimeFormatter.ISO_LOCAL_DATE,
                strict("d/M/uuuu"),
                strict("d-M-uuuu"),
                strict("d.M.uuuu"),
                strict("d/M/uu"),
                new DateTimeFormatterBuilder()
                        .parseCaseInsensitive()
                        .appendPattern("d MMM uuuu")
                        .toFormatter(locale)
                        .withResolverStyle(ResolverStyle.STRICT));
    }

    private DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, locale).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The date as the language writes it; "" for none. */
    public String date(LocalDate date) {
        return date == null ? "" : shownDate.format(date);
    }

    /** A date as typed: the language's own form, day first with / - or ., or ISO; null for blank. */
    public LocalDate parseDate(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter format : typedDates) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new DateTimeParseException("not a date in any accepted form", text, 0);
    }

    /** An amount of money: two decimals, the language's separators, grouped by thousands; "" for none. */
    public String amount(BigDecimal amount) {
        return amount == null ? "" : pattern("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * An amount with its currency as the language writes it: Spanish {@code 1.234,56 €}, English
     * {@code €1,234.56}; without a currency (the ticket showed none) the amount alone.
     */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        if (currency == null || currency.isBlank()) {
            return amount(amount);
        }
        String sign = symbol(currency);
        return "es".equals(locale.getLanguage())
                ? amount(amount) + "\u00A0" + sign
                : sign + (sign.length() > 1 ? "\u00A0" : "") + amount(amount);
    }

    /** The currency's sign in the language (€, £, $), or its code where it has none (MYR). */
    public String symbol(String currency) {
        try {
            return java.util.Currency.getInstance(currency).getSymbol(locale);
        } catch (IllegalArgumentException e) {
            return currency;
        }
    }

    /** A number as stored, with as many decimals as it has (a quantity 0.350 stays 0,350); "" for none. */
    public String number(BigDecimal number) {
        if (number == null) {
            return "";
        }
        DecimalFormat format = pattern("#,##0");
        format.setMinimumFractionDigits(Math.max(0, number.scale()));
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    /** {@link #number} of a stored decimal text; a text that is not a number is shown as it is. */
    public String number(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        try {
            return number(new BigDecimal(stored.strip()));
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    /**
     * A number as typed, in either language's separators: "1.234,56", "1,234.56", "12,5", "12.50";
     * a euro or other currency sign and spaces are ignored. Null for blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    public BigDecimal parseNumber(String typed) {
        String text = typed == null ? "" : typed.replaceAll("[\\s\\u00A0\\u202F€$£]", "");
        if (text.isEmpty()) {
            return null;
        }
        int lastDot = text.lastIndexOf('.');
        int lastComma = text.lastIndexOf(',');
        String plain;
        if (lastDot >= 0 && lastComma >= 0) { // both: the last one is the decimal separator
            char decimalMark = lastDot > lastComma ? '.' : ',';
            char groupMark = decimalMark == '.' ? ',' : '.';
            plain = text.replace(String.valueOf(groupMark), "").replace(decimalMark, '.');
        } else if (THOUSANDS_ONLY.matcher(text).matches() && text.indexOf(grouping) >= 0) {
            plain = text.replace(String.valueOf(grouping), "");
        } else if (PLAIN_DECIMAL.matcher(text).matches()) {
            plain = text.replace(',', '.');
        } else {
            throw new NumberFormatException("not a number: " + typed);
        }
        return new BigDecimal(plain);
    }

    /** The decimal separator of the language (',' in Spanish). */
    public char decimalSeparator() {
        return decimal;
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
