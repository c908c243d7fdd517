package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketFieldTest {

    @Test
    void everyEditableFieldIsAColumnOfTheLibraryAndTheOnlyOnesThatCanBeCorrected(@TempDir Path home) throws Exception {
        assertEquals(TicketField.keys(), TicketStore.CORRECTABLE);
        TicketStore.open(home).close(); // a new library at the current schema
        Set<String> columns = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cesta.db"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA table_info(tickets)")) {
            while (rows.next()) {
                columns.add(rows.getString("name"));
            }
        }
        for (TicketField field : TicketField.values()) {
            assertTrue(columns.contains(field.key()), field + " is not a column: " + columns);
        }
    }
}
