package es.cesta.tickets;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Tickets and their items as CSV for spreadsheets: quoted only where needed, CRLF line ends, and
 * the separators of the person's language ({@link CsvDialect}).
 */
public final class CsvExport {

    // Quoting only where RFC 4180 needs it (a separator, a quote, a line break), as spreadsheets
    // write CSV themselves; the default heuristic also quotes ids with dashes and words with spaces.
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private static final String[] TICKETS = {
        "id", "file", "date", "time", "shop", "tax_id", "total", "payment_method", "items", "state", "corrected"
    };

    // category: the canonical key (docs/contract.md), the person's own where they chose one.
    private static final String[] ITEMS = {
        "ticket_id", "date", "shop", "kind", "description", "quantity", "unit", "unit_price", "amount", "category"
    };

    private CsvExport() {}

    /** {@code file} gets the tickets, {@code NAME-items.csv} beside it their items; returns the items file. */
    public static Path write(Collection<Ticket> tickets, TicketStore store, Path file, CsvDialect dialect)
            throws IOException {
        Path itemsFile = file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.csv)?$", "-items.csv"));
        try (Writer ticketsOut = Files.newBufferedWriter(file);
                Writer itemsOut = Files.newBufferedWriter(itemsFile)) {
            tickets(tickets, ticketsOut, dialect);
            items(tickets, store, itemsOut, dialect);
        }
        return itemsFile;
    }

    public static void tickets(Collection<Ticket> tickets, Writer out, CsvDialect dialect) throws IOException {
        try (SequenceWriter rows = rows(TICKETS, out, dialect)) {
            for (Ticket t : tickets) {
                rows.write(cells(
                        t.id(),
                        t.fileName(),
                        t.date(),
                        t.time(),
                        t.shopName(),
                        t.taxId(),
                        dialect.number(t.total()),
                        t.paymentMethod(),
                        t.items(),
                        t.state().name().toLowerCase(Locale.ROOT),
                        t.corrected()));
            }
        }
    }

    public static void items(Collection<Ticket> tickets, TicketStore store, Writer out, CsvDialect dialect)
            throws IOException {
        try (SequenceWriter rows = rows(ITEMS, out, dialect)) {
            for (Ticket t : tickets) {
                for (TicketStore.ItemRow item : store.items(t.id())) {
                    rows.write(cells(
                            t.id(),
                            t.date(),
                            t.shopName(),
                            item.kind(),
                            item.description(),
                            dialect.number(item.quantity()),
                            item.unit(),
                            dialect.number(item.unitPrice()),
                            dialect.number(item.amount()),
                            item.category()));
                }
            }
        }
    }

    /** Every cell as its text (dates ISO, amounts already in the dialect), an empty cell for nothing. */
    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList();
    }

    private static CsvSchema schema(CsvDialect dialect, String... columns) {
        CsvSchema.Builder builder =
                CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n").setColumnSeparator(dialect.separator());
        for (String column : columns) {
            builder.addColumn(column);
        }
        return builder.build();
    }

    /**
     * Rows written as lists of cells. The caller's writer stays open: closing the sequence only
     * flushes it, so that a writer shared by two exports (or a StringWriter) is the caller's to close.
     */
    private static SequenceWriter rows(String[] columns, Writer out, CsvDialect dialect) throws IOException {
        if (dialect.byteOrderMark()) {
            out.write('\uFEFF');
        }
        return CSV.writer(schema(dialect, columns))
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out);
    }
}
