package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The watched folder with the real window, the real service and a real library. */
@ExtendWith(ApplicationExtension.class)
class WatchedFolderWindowTest {

    private CestaApp app;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("cesta-watch");
        folder = Files.createTempDirectory("cesta-inbox");
        // A ticket that came while the app was closed, in the folder the person chose earlier.
        Files.copy(TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf"), folder.resolve("ticket.pdf"));
        Properties settings = new Properties();
        settings.setProperty("language", "en");
        settings.setProperty("watchedFolder", folder.toString());
        try (Writer out = Files.newBufferedWriter(home.resolve("settings.properties"))) {
            settings.store(out, null);
        }
        app = TestApps.launch(stage, home);
    }

    @AfterEach
    void stop() throws Exception {
        TestApps.stop(app);
    }

    @Test
    void ticketsThatCameWhileClosedAndWhileOpenAreImportedByThemselves(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        UiWaits.untilAllRead(table, 1);
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertEquals("Picked up 1 new ticket(s) from " + folder, message.getText());

        Files.copy(TestServices.ES_DEV.resolve("dia-2025-01-14-22b07d75.pdf"), folder.resolve("later.pdf"));
        UiWaits.untilAllRead(table, 2);
        assertEquals(2, app.store().all().size());
        assertTrue(robot.lookup("#settingsButton").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .anyMatch(item -> ("Watched folder: " + folder.getFileName() + " (change…)").equals(item.getText())));
    }
}
