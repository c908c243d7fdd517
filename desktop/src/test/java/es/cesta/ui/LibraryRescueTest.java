package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.TestServices;
import es.cesta.tickets.TicketStore;
import es.cesta.tickets.TicketStoreTestSupport;
import es.cesta.ui.main.TicketRow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A damaged library at start, and Settings' Restore, in the real window (Monocle, headless). */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class LibraryRescueTest {

    private static final Path TICKET = TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf");

    private Stage stage;
    private Path home;
    private CestaApp app;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory("cesta-rescue");
        System.setProperty("cesta.home", home.toString());
        System.setProperty("cesta.serviceDir", TestServices.SERVICE_DIR.toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(app::stop).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
        }
    }

    /** A library holding one read ticket; it gets its daily backup as it is made. */
    private UUID libraryWithOneTicket() throws Exception {
        try (TicketStore store = TicketStore.open(home)) {
            UUID id = store.register(TICKET).ticketId();
            store.markDone(id, TicketStoreTestSupport.reading(id, "MERCADONA", new BigDecimal("37.76")));
            return id;
        }
    }

    private void launch(FxRobot robot) {
        robot.interact(() -> {
            app = new CestaApp();
            app.init();
            try {
                app.start(stage);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<Path> keptAside() throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cesta.db.damaged-")
                            || f.getFileName().toString().startsWith("cesta.db.replaced-"))
                    .filter(f -> !f.getFileName().toString().endsWith("-wal")
                            && !f.getFileName().toString().endsWith("-shm"))
                    .toList();
        }
    }

    private TableView<TicketRow> tableWith(FxRobot robot, int rows) throws Exception {
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
        return table;
    }

    @Test
    void aDamagedLibraryOpensTheWindowWithTheWayOutAndRestoresTheBackup(FxRobot robot) throws Exception {
        libraryWithOneTicket();
        TicketStoreTestSupport.damageTheLibrary(home);
        launch(robot);
        assertTrue(robot.lookup("#libraryRescue").tryQuery().isPresent(), "the window shows what happened");
        Labeled restore = robot.lookup("#restoreBackupButton").queryLabeled();
        assertTrue(restore.getText().startsWith("Restore the backup of"), restore.getText());
        robot.interact(() -> ((Button) restore).fire());
        TableView<TicketRow> table = tableWith(robot, 1);
        assertEquals("MERCADONA", table.getItems().get(0).shopProperty().get());
        assertEquals(1, keptAside().size(), "the damaged library is kept aside, never deleted");
    }

    @Test
    void aDamagedLibraryCanGiveWayToANewOneAndIsKept(FxRobot robot) throws Exception {
        libraryWithOneTicket();
        TicketStoreTestSupport.damageTheLibrary(home);
        launch(robot);
        robot.interact(() -> ((Button) robot.lookup("#startNewButton").query()).fire());
        tableWith(robot, 0);
        assertEquals(1, keptAside().size());
        assertTrue(Files.size(keptAside().get(0)) > 0);
    }

    @Test
    void settingsRestoreBringsBackATicketDeletedAfterTheBackup(FxRobot robot) throws Exception {
        UUID id = libraryWithOneTicket();
        launch(robot);
        tableWith(robot, 1);
        robot.interact(() -> app.store().delete(id));
        robot.interact(() -> app.viewModel().load());
        tableWith(robot, 0);

        MenuItem restoreItem = ((MenuButton) robot.lookup("#settingsButton").query())
                .getItems().stream()
                        .filter(item -> "restoreItem".equals(item.getId()))
                        .findFirst()
                        .orElseThrow();
        Platform.runLater(restoreItem::fire); // the chooser waits for the person: not inside interact()
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#backupChooser").tryQuery().isPresent());
        DialogPane chooser = robot.lookup("#backupChooser").query();
        assertTrue(chooser.getHeaderText().contains("kept aside"), chooser.getHeaderText());
        robot.interact(() -> ((Button) chooser.lookupButton(ButtonType.OK)).fire());

        TableView<TicketRow> table = tableWith(robot, 1);
        assertEquals("MERCADONA", table.getItems().get(0).shopProperty().get());
        assertEquals(1, keptAside().size(), "the library it replaced is kept aside");
    }
}
