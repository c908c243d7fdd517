package es.cesta.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import es.cesta.client.PageBoxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tickets of the local library: a ticket per original file, its import state, the service's
 * reading of it and its lines, always as the person corrected them. The library's other parts hang
 * off it: {@link #corrections()}, {@link #spending()}, and the file copies ({@link StoredFiles}),
 * all on the one connection of {@link Library}.
 */
public final class TicketStore implements AutoCloseable {

    // The first position of a line the person adds: tickets hold a few hundred lines at most.
    private static final int PERSONS_LINES_FROM = 10_000;

    /** A registered file: new, or the ticket that already holds the same bytes. */
    public record Registration(UUID ticketId, boolean duplicate, Path storedFile) {}

    /** Fields a person may correct; the extracted value stays beside the correction. */
    public static final List<String> CORRECTABLE = TicketField.keys();

    private final Library library;
    private final StoredFiles files;
    private final Corrections corrections;
    private final SpendingQueries spending;
    private final ReadingWriter writer = new ReadingWriter();
    private final ObjectMapper json = IntelligenceClient.mapper();

    private TicketStore(Library library, StoredFiles files) {
        this.library = library;
        this.files = files;
        this.corrections = new Corrections(library);
        this.spending = new SpendingQueries(library);
    }

    public static TicketStore open(Path dataDir) {
        StoredFiles files;
        try {
            files = new StoredFiles(dataDir);
        } catch (IOException e) {
            throw new StoreException("Cannot prepare the library in " + dataDir + ": " + e.getMessage(), e);
        }
        return new TicketStore(Library.open(dataDir), files);
    }

    public Corrections corrections() {
        return corrections;
    }

    public SpendingQueries spending() {
        return spending;
    }

    Library library() {
        return library;
    }

    /** A consistent copy of the library in backups/ (the CLI's `cesta backup`, the window's Settings). */
    public Path backUp(String reason) throws IOException {
        return library.backUp(reason);
    }

    public LibraryBackups backups() {
        return library.backups();
    }

    static String sha256(Path file) throws IOException {
        return StoredFiles.sha256(file);
    }

    /**
     * Copies the file in (once per content) and queues a ticket for it, or reports the duplicate.
     * Two registrations of the same content at once (threads or processes) end as one ticket and one
     * duplicate: the row's unique content key decides, not a check made before the copy.
     */
    public Registration register(Path source) throws IOException {
        String sha = StoredFiles.sha256(source);
        String what = "Cannot record " + source.getFileName();
        Optional<UUID> existing = library.withConnection(what, connection -> idBySha(connection, sha));
        if (existing.isPresent()) {
            return new Registration(existing.get(), true, files.pathOf(sha, source));
        }
        Path stored = files.copyIn(source, sha);
        UUID id = UUID.randomUUID();
        String now = Instant.now().toString();
        return library.withConnection(what, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tickets (id, sha256, file_name, stored_path, state, imported_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                insert.setString(1, id.toString());
                insert.setString(2, sha);
                insert.setString(3, source.getFileName().toString());
                insert.setString(4, files.recorded(stored));
                insert.setString(5, now);
                insert.setString(6, now);
                if (insert.executeUpdate() == 0) {
                    // Another process (or thread) registered the same content a moment ago.
                    return new Registration(idBySha(connection, sha).orElseThrow(), true, stored);
                }
            }
            return new Registration(id, false, stored);
        });
    }

    public void markProcessing(UUID id) {
        update(
                "UPDATE tickets SET state = 'processing', failure = NULL, updated_at = ? WHERE id = ?",
                Instant.now().toString(),
                id.toString());
    }

    public void markFailed(UUID id, String reason) {
        update(
                "UPDATE tickets SET state = 'failed', failure = ?, updated_at = ? WHERE id = ?",
                reason,
                Instant.now().toString(),
                id.toString());
    }

    /** The service's answer, its items and VAT rows, in one transaction. */
    public void markDone(UUID id, OcrResult result) {
        library.inTransaction("Cannot store the reading of ticket " + id, connection -> {
            writer.write(connection, id, result);
            return null;
        });
        library.backUpIfDue(); // "at most daily while the app runs": a library in use is backed up
    }

    /** Whether the library already holds a file with the same bytes as {@code file}. */
    public boolean holds(Path file) throws IOException {
        String sha = StoredFiles.sha256(file);
        return library.withConnection("Cannot read the ticket library", connection -> idBySha(connection, sha))
                .isPresent();
    }

    /** The person keeps a probable twin as a purchase of its own: counted, and never flagged again. */
    public void keepBoth(UUID id) {
        update("UPDATE tickets SET twin_of = NULL, twin_kept = 1 WHERE id = ?", id.toString());
    }

    /** Tickets a crash left queued or processing: they go back into the queue on the next start. */
    public List<Ticket> unfinished() {
        return query("WHERE t.state IN ('queued', 'processing') ORDER BY t.imported_at");
    }

    public List<Ticket> all() {
        return query("ORDER BY COALESCE(purchase_date, substr(t.imported_at, 1, 10)) DESC, t.file_name");
    }

    public Optional<Ticket> find(UUID id) {
        return query("WHERE t.id = '" + id + "'").stream().findFirst();
    }

    /** One stored line of a ticket: a product or a discount, with the user's corrections applied. */
    public record ItemRow(
            String kind,
            int position,
            String description,
            String quantity,
            String unit,
            String unitPrice,
            String amount,
            String category,
            Double categoryConfidence,
            boolean categoryByPerson) {

        /** The correction key of one of this line's columns (description, quantity, unit_price, amount, category). */
        public String field(LineColumn column) {
            return CorrectionKey.item(kind, position, column);
        }

        /** The correction key that takes this line off the ticket. */
        public String removalField() {
            return CorrectionKey.removed(kind, position);
        }
    }

    /** One row of a ticket's VAT table, with the user's corrections applied. */
    public record TaxRow(int position, String rate, String base, String amount) {

        /** The correction key of one of this row's columns (rate, base, amount). */
        public String field(LineColumn column) {
            return CorrectionKey.tax(position, column);
        }
    }

    /**
     * What the service said about its own reading: how sure it is of each field, its self-checks,
     * and where on the page it read each field.
     */
    public record Reading(
            String source,
            Map<String, Double> confidence,
            Map<String, Boolean> checks,
            List<String> warnings,
            PageBoxes boxes) {
        static final Reading NONE = new Reading(null, Map.of(), Map.of(), List.of(), PageBoxes.NONE);
    }

    /**
     * Adds an empty product line of the person's own to a ticket (its values are then corrections,
     * as for any line) and returns its removal key. Its position is far past what the service reads,
     * so a Read again that finds more lines never lands on it.
     */
    public String addLine(UUID id) {
        return library.inTransaction("Cannot add a line to ticket " + id, connection -> {
            int position = PERSONS_LINES_FROM;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT MAX(position) FROM items WHERE ticket_id = ? AND kind = 'item'")) {
                last.setString(1, id.toString());
                ResultSet row = last.executeQuery();
                if (row.next() && row.getObject(1) != null) {
                    position = Math.max(position, row.getInt(1) + 1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (ticket_id, position, kind, "
                    + "description, amount, by_person) VALUES (?, ?, 'item', '', '0.00', 1)")) {
                insert.setString(1, id.toString());
                insert.setInt(2, position);
                insert.executeUpdate();
            }
            return CorrectionKey.removed("item", position);
        });
    }

    /** A ticket's product and discount lines, as the person corrected them. */
    public List<ItemRow> items(UUID id) {
        String category = CorrectionKey.correction("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.CATEGORY));
        String sql = "SELECT i.kind, i.position, "
                + lineColumn(LineColumn.DESCRIPTION) + ", " + lineColumn(LineColumn.QUANTITY) + ", i.unit, "
                + lineColumn(LineColumn.UNIT_PRICE) + ", " + lineColumn(LineColumn.AMOUNT) + ", "
                + category + " AS persons_category, i.category, i.category_confidence "
                + "FROM items i WHERE i.ticket_id = ? AND " + CorrectionKey.keptSql("i")
                + " ORDER BY i.kind DESC, i.position";
        return library.withConnection("Cannot read the items of ticket " + id, connection -> {
            List<ItemRow> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, id.toString());
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    String personsCategory = rows.getString(8);
                    double confidence = rows.getDouble(10);
                    Double modelConfidence = rows.wasNull() || personsCategory != null ? null : confidence;
                    found.add(new ItemRow(
                            rows.getString(1),
                            rows.getInt(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            personsCategory != null ? personsCategory : rows.getString(9),
                            modelConfidence,
                            personsCategory != null));
                }
            }
            return found;
        });
    }

    private static String lineColumn(LineColumn column) {
        return CorrectionKey.corrected("i.ticket_id", CorrectionKey.itemSql("i", column), "i." + column.key());
    }

    /** A ticket's VAT table, as the person corrected it. */
    public List<TaxRow> taxes(UUID id) {
        StringBuilder columns = new StringBuilder();
        for (LineColumn column : LineColumn.OF_TAX) {
            columns.append(", ")
                    .append(CorrectionKey.corrected(
                            "x.ticket_id", CorrectionKey.taxSql("x", column), "x." + column.key()));
        }
        String sql = "SELECT x.position" + columns + " FROM taxes x WHERE x.ticket_id = ? ORDER BY x.position";
        return library.withConnection("Cannot read the VAT table of ticket " + id, connection -> {
            List<TaxRow> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, id.toString());
                ResultSet rows = select.executeQuery();
                while (rows.next()) {
                    found.add(new TaxRow(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return found;
        });
    }

    /** The confidence, checks and warnings of the service's stored answer (none before it answered). */
    public Reading reading(UUID id) {
        String stored = library.withConnection("Cannot read the stored answer of ticket " + id, connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT raw_answer FROM tickets WHERE id = ?")) {
                select.setString(1, id.toString());
                ResultSet row = select.executeQuery();
                return row.next() ? row.getString(1) : null;
            }
        });
        if (stored == null) {
            return Reading.NONE;
        }
        try {
            OcrResult answer = json.readValue(stored, OcrResult.class);
            return new Reading(
                    answer.source(),
                    Optional.ofNullable(answer.confidence()).orElse(Map.of()),
                    Optional.ofNullable(answer.checks()).orElse(Map.of()),
                    Optional.ofNullable(answer.warnings()).orElse(List.of()),
                    Optional.ofNullable(answer.boxes()).orElse(PageBoxes.NONE));
        } catch (IOException e) {
            throw new StoreException("Cannot read the stored answer of ticket " + id + ": " + e.getMessage(), e);
        }
    }

    /** Removes a ticket, its lines, its corrections and its copy of the original file. */
    public void delete(UUID id) {
        Optional<Ticket> ticket = find(id);
        update("DELETE FROM tickets WHERE id = ?", id.toString());
        update("UPDATE tickets SET twin_of = NULL WHERE twin_of = ?", id.toString()); // the one left counts
        ticket.ifPresent(t -> {
            try {
                Files.deleteIfExists(t.storedFile());
            } catch (IOException e) {
                throw new StoreException(
                        "The ticket is deleted but its file " + t.storedFile() + " could not be removed: "
                                + e.getMessage(),
                        e);
            }
        });
    }

    private List<Ticket> query(String where) {
        StringBuilder columns = new StringBuilder();
        for (TicketField field : TicketField.values()) {
            String read = field == TicketField.SHOP_NAME ? ShopNames.taughtOrRead("t") : "t." + field.key();
            columns.append(", ")
                    .append(CorrectionKey.corrected("t.id", CorrectionKey.fieldSql(field), read))
                    .append(" AS ")
                    .append(field.key());
        }
        String sql = "SELECT t.id, t.file_name, t.sha256, t.state, t.failure, t.stored_path, t.imported_at, t.currency"
                + ", t.twin_of"
                + columns
                + ", (SELECT COUNT(*) FROM items i WHERE i.ticket_id = t.id AND i.kind = 'item' AND "
                + CorrectionKey.keptSql("i") + ") AS item_count"
                + ", (SELECT COUNT(*) FROM corrections c WHERE c.ticket_id = t.id) AS corrections"
                // Category keys hold commas: joined with a bar instead.
                + ", (SELECT GROUP_CONCAT(category, '|') FROM (SELECT DISTINCT "
                + CorrectionKey.corrected("i.ticket_id", CorrectionKey.itemSql("i", LineColumn.CATEGORY), "i.category")
                + " AS category FROM items i WHERE i.ticket_id = t.id AND i.kind = 'item' AND "
                + CorrectionKey.keptSql("i") + ")) AS categories"
                + " FROM tickets t " + where;
        return library.withConnection("Cannot read the ticket library", connection -> {
            List<Ticket> found = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    found.add(ticket(rows));
                }
            }
            return found;
        });
    }

    private Ticket ticket(ResultSet rows) throws SQLException {
        return new Ticket(
                UUID.fromString(rows.getString("id")),
                rows.getString("file_name"),
                rows.getString("sha256"),
                ImportState.of(rows.getString("state")),
                rows.getString("failure"),
                rows.getString(TicketField.SHOP_NAME.key()),
                rows.getString(TicketField.SHOP_TAX_ID.key()),
                Optional.ofNullable(rows.getString(TicketField.PURCHASE_DATE.key()))
                        .map(LocalDate::parse)
                        .orElse(null),
                rows.getString(TicketField.PURCHASE_TIME.key()),
                Optional.ofNullable(rows.getString(TicketField.TOTAL.key()))
                        .map(BigDecimal::new)
                        .orElse(null),
                rows.getString("currency"),
                rows.getString(TicketField.PAYMENT_METHOD.key()),
                rows.getInt("item_count"),
                files.resolve(rows.getString("stored_path")),
                rows.getInt("corrections") > 0,
                categories(rows.getString("categories")),
                importedAt(rows.getString("imported_at")),
                Optional.ofNullable(rows.getString("twin_of"))
                        .map(UUID::fromString)
                        .orElse(null));
    }

    /** When a ticket came in: an instant, or a bare day in a library of the first schema. */
    private static Instant importedAt(String stored) {
        return stored.length() == 10
                ? LocalDate.parse(stored).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : Instant.parse(stored);
    }

    private static java.util.Set<Category> categories(String joined) {
        if (joined == null) {
            return java.util.Set.of();
        }
        return java.util.Arrays.stream(joined.split("\\|"))
                .map(Category::of)
                .flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Optional<UUID> idBySha(Connection connection, String sha) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM tickets WHERE sha256 = ?")) {
            select.setString(1, sha);
            ResultSet row = select.executeQuery();
            return row.next() ? Optional.of(UUID.fromString(row.getString(1))) : Optional.empty();
        }
    }

    private void update(String sql, String... values) {
        library.withConnection("Cannot update the ticket library", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setString(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        library.close();
    }
}
