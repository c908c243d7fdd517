package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Shopping list tab on a real library of ten Mercadona tickets, with the real service. */
@ExtendWith(ApplicationExtension.class)
class ShoppingListWindowTest {

    private CestaApp app;

    @Start
    void start(Stage stage) throws Exception {
        app = TestApps.launch(stage, Files.createTempDirectory("cesta-list"));
    }

    @AfterEach
    void stop() throws Exception {
        TestApps.stop(app);
    }

    /**
     * Waits until the list stops being made again: each ticket read asks for a new list, and the
     * last answer may come after the table shows every ticket read.
     */
    private static void untilSettled(FxRobot robot) throws Exception {
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        VBox list = robot.lookup("#listBox").queryAs(VBox.class);
        robot.interact(() -> list.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>)
                c -> changes.incrementAndGet()));
        int seen = -1;
        for (int quiet = 0; quiet < 3; ) {
            Thread.sleep(700);
            int now = changes.get();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
    }

    @Test
    void theListShowsDueProductsByCategoryAndIsTickedAddedToAndCopied(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        List<Path> tickets;
        try (Stream<Path> files = Files.list(TestServices.ES_DEV)) {
            tickets = files.filter(p -> p.getFileName().toString().startsWith("mercadona-")
                            && p.toString().endsWith(".pdf"))
                    .sorted()
                    .limit(10)
                    .toList();
        }
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putFiles(tickets.stream().map(Path::toFile).toList());
        robot.interact(() -> {
            Clipboard.getSystemClipboard().setContent(content);
            assertTrue(app.mainView().importFrom(Clipboard.getSystemClipboard()));
        });
        TableView<TicketRow> table = app.mainView().table();
        UiWaits.untilAllRead(table, 10);
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        VBox list = UiWaits.untilListShown(robot, 10);
        assertTrue(
                list.getChildren().stream()
                        .anyMatch(n -> n instanceof Label l && !l.getText().isBlank()),
                "grouped under category names");
        untilSettled(robot);
        List<CheckBox> lines =
                robot.lookup(".list-item").queryAllAs(CheckBox.class).stream().toList();
        CheckBox first = lines.get(0);
        String bought = first.getText();
        assertTrue(
                robot.lookup(".list-row .hint").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().startsWith("every ")),
                "a habit says its rhythm");

        robot.clickOn(first);
        assertTrue(app.viewModel().shoppingList().entries().stream()
                .anyMatch(e ->
                        e.description().equals(bought) && e.tickedProperty().get()));
        robot.clickOn("#newItemField").write("PILAS AA");
        robot.clickOn("#addItemButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".list-item").queryAllAs(CheckBox.class).stream()
                .anyMatch(c -> c.getText().equals("PILAS AA")));

        robot.clickOn("#copyListButton");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertTrue(copied[0].startsWith("Shopping list, "), copied[0]);
        assertTrue(copied[0].contains("\nOther\n- PILAS AA"), copied[0]);
        assertFalse(copied[0].contains("- " + bought + "\n"), "a ticked line is not copied: " + copied[0]);

        robot.clickOn("#clearTickedButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".list-item").queryAllAs(CheckBox.class).stream()
                .noneMatch(c -> c.getText().equals(bought)));
    }
}
