package es.cesta.tickets;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Tickets and their items as CSV (RFC 4180 quoting), for spreadsheets. */
public final class CsvExport {

    private CsvExport() {}

    /** {@code file} gets the tickets, {@code NAME-items.csv} beside it their items; returns the items file. */
    public static java.nio.file.Path write(Collection<Ticket> tickets, TicketStore store, java.nio.file.Path file)
            throws IOException {
        java.nio.file.Path itemsFile =
                file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.csv)?$", "-items.csv"));
        try (Writer ticketsOut = java.nio.file.Files.newBufferedWriter(file);
                Writer itemsOut = java.nio.file.Files.newBufferedWriter(itemsFile)) {
            tickets(tickets, ticketsOut);
            items(tickets, store, itemsOut);
        }
        return itemsFile;
    }

    public static void tickets(Collection<Ticket> tickets, Writer out) throws IOException {
        out.write("id,file,date,time,shop,tax_id,total,payment_method,items,state,corrected\r\n");
        for (Ticket t : tickets) {
            row(
                    out,
                    t.id(),
                    t.fileName(),
                    t.date(),
                    t.time(),
                    t.shopName(),
                    t.taxId(),
                    t.total(),
                    t.paymentMethod(),
                    t.items(),
                    t.state().name().toLowerCase(Locale.ROOT),
                    t.corrected());
        }
    }

    public static void items(Collection<Ticket> tickets, TicketStore store, Writer out) throws IOException {
        // category: the canonical key (docs/contract.md), the person's own where they chose one.
        out.write("ticket_id,date,shop,kind,description,quantity,unit,unit_price,amount,category\r\n");
        for (Ticket t : tickets) {
            for (TicketStore.ItemRow item : store.items(t.id())) {
                row(
                        out,
                        t.id(),
                        t.date(),
                        t.shopName(),
                        item.kind(),
                        item.description(),
                        item.quantity(),
                        item.unit(),
                        item.unitPrice(),
                        item.amount(),
                        item.category());
            }
        }
    }

    private static void row(Writer out, Object... values) throws IOException {
        out.write(Stream.of(values).map(CsvExport::cell).collect(Collectors.joining(",")) + "\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = List.of(",", "\"", "\n", "\r").stream().anyMatch(text::contains);
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
