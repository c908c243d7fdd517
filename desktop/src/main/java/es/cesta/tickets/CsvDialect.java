package es.cesta.tickets;

/**
 * How a spreadsheet in a given language expects a CSV file. Spanish Excel and LibreOffice take the
 * comma for the decimal separator, so they split on semicolons, and they read UTF-8 only with a
 * byte-order mark; English ones take RFC 4180 as it is. Dates stay ISO in both (2026-11-28), which
 * both languages' spreadsheets read as a date.
 */
public enum CsvDialect {
    EN(',', '.', false),
    ES(';', ',', true);

    private final char separator;
    private final char decimal;
    private final boolean byteOrderMark;

    CsvDialect(char separator, char decimal, boolean byteOrderMark) {
        this.separator = separator;
        this.decimal = decimal;
        this.byteOrderMark = byteOrderMark;
    }

    /** The dialect of the window's language: Spanish for "es", English for anything else. */
    public static CsvDialect of(String language) {
        return "es".equals(language) ? ES : EN;
    }

    char separator() {
        return separator;
    }

    boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** A stored decimal ("1234.56") with this dialect's decimal separator, never grouped. */
    String number(Object stored) {
        return stored == null ? "" : stored.toString().replace('.', decimal);
    }
}
