package es.cesta.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local library: a SQLite file (WAL) in the app data dir and the original files copied to
 * {@code files/<sha256>.<ext>}. Every state change is committed at once, so a crash or kill in
 * the middle of an import leaves each ticket queued, processing, done or failed, never half-written.
 */
public final class TicketStore implements AutoCloseable {

    /** One piece of work on the library's connection (see {@link #withConnection}). */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work of the library's other parts (the person's categories, the shops' names) on its one
     * connection under its lock, so that they never interleave with an import's transaction.
     */
    synchronized <T> T withConnection(String whatFailed, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(whatFailed + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #withConnection}, in one transaction: all of the work is stored, or none of it. */
    synchronized <T> T inTransaction(String whatFailed, Work<T> work) {
        return withConnection(whatFailed, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** A registered file: new, or the ticket that already holds the same bytes. */
    public record Registration(UUID ticketId, boolean duplicate, Path storedFile) {}

    private final Path dataDir;
    private final Connection connection;
    private final LibraryBackups backups;
    private static final Logger LOG = Logger.getLogger("cesta.library");
    private final ObjectMapper json = IntelligenceClient.mapper();

    private TicketStore(Path dataDir, Connection connection, LibraryBackups backups) {
        this.dataDir = dataDir;
        this.connection = connection;
        this.backups = backups;
    }

    public static TicketStore open(Path dataDir) {
        Path database = dataDir.resolve("cesta.db");
        Connection connection = null;
        try {
            Files.createDirectories(dataDir.resolve("files"));
            connection = DriverManager.getConnection("jdbc:sqlite:" + database);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            LibraryBackups backups = new LibraryBackups(dataDir);
            Connection open = connection;
            Migrations.apply(connection, from -> backups.backUp(open, "before-schema-" + (from + 1)));
            TicketStore store = new TicketStore(dataDir, connection, backups);
            store.backUpIfDue();
            return store;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (isDamage(e)) {
                throw new DamagedLibraryException(explain(database, e), database, e);
            }
            throw new StoreException(explain(database, e), e);
        } catch (IOException e) {
            closeQuietly(connection);
            throw new StoreException("Cannot prepare the library in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isDamage(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("not a database")
                || message.contains("malformed")
                || message.contains("file is encrypted");
    }

    /** A consistent copy of the library in backups/ (the CLI's `cesta backup`, the window's Settings). */
    public synchronized Path backUp(String reason) throws IOException {
        try {
            return backups.backUp(connection, reason);
        } catch (SQLException e) {
            throw new IOException("Cannot back up the library: " + e.getMessage(), e);
        }
    }

    /**
     * The daily backup, when the newest is more than a day old and the library holds tickets. A
     * failed backup is logged, never in the way of the import that asked for it.
     */
    public synchronized void backUpIfDue() {
        try {
            if (hasTickets() && backups.dailyDue()) {
                backups.backUp(connection, "daily");
            }
        } catch (IOException | SQLException | StoreException e) {
            LOG.log(Level.WARNING, "the daily backup failed", e);
        }
    }

    private boolean hasTickets() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet any = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM tickets)")) {
            return any.getInt(1) == 1;
        }
    }

    public LibraryBackups backups() {
        return backups;
    }

    private static String explain(Path database, SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (isDamage(e)) {
            return "The ticket library " + database + " is damaged or is not a Cesta library. Your original "
                    + "files are safe in " + database.resolveSibling("files") + ".";
        }
        if (message.contains("locked") || message.contains("busy")) {
            return "The ticket database " + database + " is locked by another program (is Cesta already running?).";
        }
        return "Cannot use the ticket database " + database + ": " + e.getMessage();
    }

    /** Copies the file in (once per content) and queues a ticket for it, or reports the duplicate. */
    public synchronized Registration register(Path source) throws IOException {
        String sha = sha256(source);
        try {
            Optional<UUID> existing = idBySha(sha);
            if (existing.isPresent()) {
                return new Registration(existing.get(), true, storedPath(sha, source));
            }
            Path stored = storedPath(sha, source);
            if (!Files.exists(stored)) {
                // A partial copy of its own: another process may be copying the same file in.
                Path partial = stored.resolveSibling(stored.getFileName() + "." + UUID.randomUUID() + ".part");
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, stored, StandardCopyOption.ATOMIC_MOVE);
            }
            UUID id = UUID.randomUUID();
            String now = Instant.now().toString();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tickets (id, sha256, file_name, stored_path, state, imported_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                insert.setString(1, id.toString());
                insert.setString(2, sha);
                insert.setString(3, source.getFileName().toString());
                insert.setString(4, dataDir.relativize(stored).toString());
                insert.setString(5, now);
                insert.setString(6, now);
                if (insert.executeUpdate() == 0) {
                    // Another process (or connection) registered the same content a moment ago.
                    return new Registration(idBySha(sha).orElseThrow(), true, stored);
                }
            }
            return new Registration(id, false, stored);
        } catch (SQLException e) {
            throw new StoreException("Cannot record " + source.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public synchronized void markProcessing(UUID id) {
        update(
                "UPDATE tickets SET state = 'processing', failure = NULL, updated_at = ? WHERE id = ?",
                Instant.now().toString(),
                id.toString());
    }

    public synchronized void markFailed(UUID id, String reason) {
        update(
                "UPDATE tickets SET state = 'failed', failure = ?, updated_at = ? WHERE id = ?",
                reason,
                Instant.now().toString(),
                id.toString());
    }

    /** The service's answer, its items and VAT rows, in one transaction. */
    public synchronized void markDone(UUID id, OcrResult result) {
        try {
            connection.setAutoCommit(false);
            try {
                writeResult(id, result);
                connection.commit();
            } catch (SQLException | IOException e) {
                connection.rollback();
                throw new StoreException("Cannot store the reading of ticket " + id + ": " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot store the reading of ticket " + id + ": " + e.getMessage(), e);
        }
        backUpIfDue(); // "at most daily while the app runs": a library in use is backed up
    }

    private void writeResult(UUID id, OcrResult r) throws SQLException, IOException {
        String key = id.toString();
        for (String table : List.of("items", "taxes")) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE ticket_id = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
        OcrResult.Shop shop = r.shop() != null ? r.shop() : new OcrResult.Shop(null, null, null, null);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tickets SET state = 'done', failure = NULL, updated_at = ?, source = ?, shop_name = ?, "
                        + "shop_legal_name = ?, shop_tax_id = ?, shop_address = ?, purchase_date = ?, purchase_time = ?, "
                        + "currency = ?, total = ?, payment_method = ?, invoice_number = ?, raw_answer = ? WHERE id = ?")) {
            Object[] values = {
                Instant.now().toString(),
                r.source(),
                shop.name(),
                shop.legalName(),
                shop.taxId(),
                shop.address(),
                r.date() != null ? r.date().toString() : null,
                r.time(),
                r.currency(),
                plain(r.total()),
                r.paymentMethod(),
                r.invoiceNumber(),
                json.writeValueAsString(r),
                key
            };
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        }
        insertItems(key, "item", r.items());
        insertItems(key, "discount", r.discounts());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO taxes (ticket_id, position, rate, base, amount) VALUES (?, ?, ?, ?, ?)")) {
            List<OcrResult.Tax> taxes = r.taxes() != null ? r.taxes() : List.of();
            for (int i = 0; i < taxes.size(); i++) {
                OcrResult.Tax tax = taxes.get(i);
                insert.setString(1, key);
                insert.setInt(2, i);
                insert.setString(3, plain(tax.rate()));
                insert.setString(4, plain(tax.base()));
                insert.setString(5, plain(tax.amount()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertItems(String key, String kind, List<OcrResult.Item> items) throws SQLException {
        if (items == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items (ticket_id, position, kind, "
                + "description, quantity, unit, unit_price, amount, category, category_confidence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                OcrResult.Item item = items.get(i);
                insert.setString(1, key);
                insert.setInt(2, i);
                insert.setString(3, kind);
                insert.setString(4, item.description());
                insert.setString(5, plain(item.quantity()));
                insert.setString(6, item.unit());
                insert.setString(7, plain(item.unitPrice()));
                insert.setString(8, plain(item.amount()));
                insert.setString(9, item.category());
                insert.setObject(10, item.categoryConfidence());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Tickets a crash left queued or processing: they go back into the queue on the next start. */
    public synchronized List<Ticket> unfinished() {
        return query("WHERE t.state IN ('queued', 'processing') ORDER BY t.imported_at");
    }

    public synchronized List<Ticket> all() {
        return query("ORDER BY COALESCE(purchase_date, substr(t.imported_at, 1, 10)) DESC, t.file_name");
    }

    public synchronized Optional<Ticket> find(UUID id) {
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
        public String field(String column) {
            return "item." + kind + "." + position + "." + column;
        }
    }

    /** One row of a ticket's VAT table, with the user's corrections applied. */
    public record TaxRow(int position, String rate, String base, String amount) {

        /** The correction key of one of this row's columns (rate, base, amount). */
        public String field(String column) {
            return "tax." + position + "." + column;
        }
    }

    /** What the service said about its own reading: how sure it is of each field, and its self-checks. */
    public record Reading(
            String source, Map<String, Double> confidence, Map<String, Boolean> checks, List<String> warnings) {
        static final Reading NONE = new Reading(null, Map.of(), Map.of(), List.of());
    }

    public synchronized List<ItemRow> items(UUID id) {
        Map<String, String> corrections = corrections(id);
        List<ItemRow> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, position, description, quantity, "
                + "unit, unit_price, amount, category, category_confidence FROM items WHERE ticket_id = ? "
                + "ORDER BY kind DESC, position")) {
            select.setString(1, id.toString());
            ResultSet rows = select.executeQuery();
            while (rows.next()) {
                String prefix = "item." + rows.getString(1) + "." + rows.getInt(2) + ".";
                String personsCategory = corrections.get(prefix + "category");
                double confidence = rows.getDouble(9);
                Double modelConfidence = rows.wasNull() ? null : confidence;
                found.add(new ItemRow(
                        rows.getString(1),
                        rows.getInt(2),
                        corrections.getOrDefault(prefix + "description", rows.getString(3)),
                        corrections.getOrDefault(prefix + "quantity", rows.getString(4)),
                        rows.getString(5),
                        corrections.getOrDefault(prefix + "unit_price", rows.getString(6)),
                        corrections.getOrDefault(prefix + "amount", rows.getString(7)),
                        personsCategory != null ? personsCategory : rows.getString(8),
                        personsCategory != null ? null : modelConfidence,
                        personsCategory != null));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the items of ticket " + id + ": " + e.getMessage(), e);
        }
        return found;
    }

    public synchronized List<TaxRow> taxes(UUID id) {
        Map<String, String> corrections = corrections(id);
        List<TaxRow> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT position, rate, base, amount FROM taxes WHERE ticket_id = ? ORDER BY position")) {
            select.setString(1, id.toString());
            ResultSet rows = select.executeQuery();
            while (rows.next()) {
                String prefix = "tax." + rows.getInt(1) + ".";
                found.add(new TaxRow(
                        rows.getInt(1),
                        corrections.getOrDefault(prefix + "rate", rows.getString(2)),
                        corrections.getOrDefault(prefix + "base", rows.getString(3)),
                        corrections.getOrDefault(prefix + "amount", rows.getString(4))));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the VAT table of ticket " + id + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** The confidence, checks and warnings of the service's stored answer (none before it answered). */
    public synchronized Reading reading(UUID id) {
        try (PreparedStatement select = connection.prepareStatement("SELECT raw_answer FROM tickets WHERE id = ?")) {
            select.setString(1, id.toString());
            ResultSet row = select.executeQuery();
            if (!row.next() || row.getString(1) == null) {
                return Reading.NONE;
            }
            OcrResult answer = json.readValue(row.getString(1), OcrResult.class);
            return new Reading(
                    answer.source(),
                    Optional.ofNullable(answer.confidence()).orElse(Map.of()),
                    Optional.ofNullable(answer.checks()).orElse(Map.of()),
                    Optional.ofNullable(answer.warnings()).orElse(List.of()));
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot read the stored answer of ticket " + id + ": " + e.getMessage(), e);
        }
    }

    /** Every correction of a ticket, by field. */
    public synchronized Map<String, String> corrections(UUID id) {
        Map<String, String> found = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement("SELECT field, value FROM corrections WHERE ticket_id = ?")) {
            select.setString(1, id.toString());
            ResultSet rows = select.executeQuery();
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the corrections of ticket " + id + ": " + e.getMessage(), e);
        }
        return found;
    }

    /** The person's correction of a field of ticket {@code ticketColumn}, as an SQL expression. */
    static String correction(String ticketColumn, String fieldExpression) {
        return "(SELECT c.value FROM corrections c WHERE c.ticket_id = " + ticketColumn + " AND c.field = "
                + fieldExpression + ")";
    }

    /**
     * Every product line of a read ticket as the person sees it: corrected description, unit price,
     * date and shop win over what was extracted (spending questions follow the corrections).
     */
    static final String BOUGHT_LINES = "WITH bought AS (SELECT i.ticket_id, "
            + "COALESCE(" + correction("i.ticket_id", "'item.item.' || i.position || '.description'")
            + ", i.description) AS description, "
            + "COALESCE(" + correction("i.ticket_id", "'item.item.' || i.position || '.unit_price'")
            + ", i.unit_price, "
            + correction("i.ticket_id", "'item.item.' || i.position || '.amount'") + ", i.amount) AS unit_price, "
            + "COALESCE(" + correction("t.id", "'purchase_date'") + ", t.purchase_date) AS purchase_date, "
            + "COALESCE(" + correction("t.id", "'shop_name'") + ", " + ShopNames.taughtOrRead("t") + ") AS shop, "
            + "t.shop_tax_id AS tax_id, i.position, "
            + "COALESCE(" + correction("i.ticket_id", "'item.item.' || i.position || '.amount'")
            + ", i.amount) AS amount, "
            + "COALESCE(" + correction("i.ticket_id", "'item.item.' || i.position || '.category'")
            + ", i.category) AS category "
            + "FROM items i JOIN tickets t ON t.id = i.ticket_id WHERE i.kind = 'item' AND t.state = 'done') ";

    /** A product's price on one ticket. */
    public record PricePoint(LocalDate date, String shop, BigDecimal unitPrice) {}

    /** Product descriptions bought on at least two tickets, the most bought first. */
    public synchronized List<String> repeatedProducts() {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        BOUGHT_LINES + "SELECT description FROM bought WHERE purchase_date IS NOT NULL "
                                + "GROUP BY description HAVING COUNT(DISTINCT ticket_id) >= 2 "
                                + "ORDER BY COUNT(DISTINCT ticket_id) DESC, description")) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the products: " + e.getMessage(), e);
        }
        return found;
    }

    /** The unit price of a product (same description) on every dated ticket, oldest first. */
    public synchronized List<PricePoint> priceHistory(String description) {
        List<PricePoint> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                BOUGHT_LINES + "SELECT purchase_date, shop, unit_price FROM bought WHERE description = ? "
                        + "AND purchase_date IS NOT NULL ORDER BY purchase_date")) {
            select.setString(1, description);
            ResultSet rows = select.executeQuery();
            while (rows.next()) {
                found.add(new PricePoint(
                        LocalDate.parse(rows.getString(1)), rows.getString(2), new BigDecimal(rows.getString(3))));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the price history: " + e.getMessage(), e);
        }
        return found;
    }

    /** Removes a ticket, its lines, its corrections and its copy of the original file. */
    public synchronized void delete(UUID id) {
        Optional<Ticket> ticket = find(id);
        update("DELETE FROM tickets WHERE id = ?", id.toString());
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

    /** Fields a person may correct; the extracted value stays beside the correction. */
    public static final List<String> CORRECTABLE = TicketField.keys();

    private static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern.compile(
            "item\\.(item|discount)\\.\\d+\\.(description|quantity|unit_price|amount|category)|tax\\.\\d+\\.(rate|base|amount)");

    /** Saves one correction (ticket_id, field, value, corrected_at), replacing the field's earlier one. */
    static final String SAVE_CORRECTION = "INSERT INTO corrections (ticket_id, field, value, corrected_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (ticket_id, field) DO UPDATE SET value = excluded.value, "
            + "corrected_at = excluded.corrected_at";

    /** Saves a correction (null or blank removes it); extraction never overwrites it. */
    public synchronized void correct(UUID id, String field, String value) {
        if (!CORRECTABLE.contains(field) && !LINE_FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a correctable field: " + field);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                value == null || value.isBlank()
                        ? "DELETE FROM corrections WHERE ticket_id = ? AND field = ?"
                        : SAVE_CORRECTION)) {
            statement.setString(1, id.toString());
            statement.setString(2, field);
            if (value != null && !value.isBlank()) {
                statement.setString(3, value.strip());
                statement.setString(4, Instant.now().toString());
            }
            statement.executeUpdate();
            if (field.equals(TicketField.SHOP_NAME.key())) { // names the shop's other tickets too
                ShopNames.teach(connection, id, value == null || value.isBlank() ? null : value.strip());
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot save the correction: " + e.getMessage(), e);
        }
    }

    private List<Ticket> query(String where) {
        StringBuilder columns = new StringBuilder();
        for (String field : CORRECTABLE) { // the person's correction wins over the extracted value
            String read = field.equals(TicketField.SHOP_NAME.key()) ? ShopNames.taughtOrRead("t") : "t." + field;
            columns.append(", COALESCE((SELECT c.value FROM corrections c WHERE c.ticket_id = t.id AND c.field = '")
                    .append(field)
                    .append("'), ")
                    .append(read)
                    .append(") AS ")
                    .append(field);
        }
        String sql = "SELECT t.id, t.file_name, t.sha256, t.state, t.failure, t.stored_path" + columns
                + ", (SELECT COUNT(*) FROM items i WHERE i.ticket_id = t.id AND i.kind = 'item') AS item_count"
                + ", (SELECT COUNT(*) FROM corrections c WHERE c.ticket_id = t.id) AS corrections"
                // Category keys hold commas: joined with a bar instead.
                + ", (SELECT GROUP_CONCAT(category, '|') FROM (SELECT DISTINCT COALESCE("
                + correction("i.ticket_id", "'item.item.' || i.position || '.category'")
                + ", i.category) AS category FROM items i WHERE i.ticket_id = t.id AND i.kind = 'item')) AS categories"
                + " FROM tickets t " + where;
        List<Ticket> found = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(new Ticket(
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
                        rows.getString(TicketField.PAYMENT_METHOD.key()),
                        rows.getInt("item_count"),
                        dataDir.resolve(rows.getString("stored_path")),
                        rows.getInt("corrections") > 0,
                        categories(rows.getString("categories"))));
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the ticket library: " + e.getMessage(), e);
        }
        return found;
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

    private Optional<UUID> idBySha(String sha) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM tickets WHERE sha256 = ?")) {
            select.setString(1, sha);
            ResultSet row = select.executeQuery();
            return row.next() ? Optional.of(UUID.fromString(row.getString(1))) : Optional.empty();
        }
    }

    private void update(String sql, String... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update the ticket library: " + e.getMessage(), e);
        }
    }

    private Path storedPath(String sha, Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "bin";
        return dataDir.resolve("files").resolve(sha + "." + extension);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value != null ? value.toPlainString() : null;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing: the first error is the one to report
            }
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }
}
