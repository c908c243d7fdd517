package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window (Monocle, headless) with the real service and a real library in a temp folder. */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class MainWindowTest {

    private CestaApp app;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("cesta-ui");
        app = TestApps.launch(stage, home);
    }

    @AfterEach
    void stop() throws Exception {
        TestApps.stop(app);
    }

    private void drop(FxRobot robot, List<Path> files) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(
                files.stream().map(Path::toFile).map(File::getAbsoluteFile).toList());
        robot.interact(() -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            clipboard.setContent(content);
            assertTrue(app.mainView().importFrom(clipboard));
        });
    }

    @Test
    void droppedRealTicketsAreReadAndShownWithShopDateAndTotal(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        drop(
                robot,
                List.of(
                        TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf"),
                        TestServices.ES_DEV.resolve("dia-2025-01-14-22b07d75.pdf"),
                        TestServices.ES_DEV.resolve("scan-mercadona-2023-12-15-2d5f7f25.pdf")));
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        UiWaits.untilAllRead(table, 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = table.getItems().stream()
                .map(r -> r.shopProperty().get() + " " + r.dateProperty().get() + " "
                        + r.totalProperty().get())
                .sorted()
                .toList();
        assertEquals(
                List.of("DIA 14 Jan 2025 €8.76", "MERCADONA 15 Dec 2023 €3.20", "MERCADONA 25 Nov 2023 €37.76"), shown);
        // Newest first by default, and every column sorts by meaning, not by its words.
        assertEquals(List.of("€8.76", "€3.20", "€37.76"), totals(table));
        TableColumn<TicketRow, ?> total = table.getColumns().get(2);
        robot.interact(() -> {
            total.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(total);
        });
        assertEquals(List.of("€3.20", "€8.76", "€37.76"), totals(table));
        TableColumn<TicketRow, ?> date = table.getColumns().get(0);
        robot.interact(() -> {
            date.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(date);
        });
        assertEquals(List.of("€37.76", "€3.20", "€8.76"), totals(table));
        Label status = robot.lookup("#serviceLabel").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Service ready"), status.getText());
        assertEquals(
                "3 of 3 files",
                robot.lookup("#progressLabel").queryAs(Label.class).getText());
        assertEquals(3, app.store().all().size());

        robot.interact(() -> robot.lookup("#tabs")
                .queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel()
                .select(1));
        robot.interact(() -> robot.lookup("#periodChoice")
                .queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(es.cesta.ui.spending.Spending.Period.ALL));
        javafx.scene.chart.BarChart<String, Number> months =
                robot.lookup("#monthChart").queryAs(javafx.scene.chart.BarChart.class);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !months.getData().isEmpty()
                        && months.getData().get(0).getData().size() == 3);
        assertEquals(
                List.of("2023-11", "2023-12", "2025-01"),
                months.getData().get(0).getData().stream()
                        .map(javafx.scene.chart.XYChart.Data::getXValue)
                        .toList());
    }

    private static List<String> totals(TableView<TicketRow> table) {
        return table.getItems().stream().map(r -> r.totalProperty().get()).toList();
    }

    @Test
    void aServiceKilledWhileTheWindowIsOpenRestartsAndTheImportInFlightCompletes(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        Label status = robot.lookup("#serviceLabel").queryAs(Label.class);
        robot.interact(() -> status.textProperty().addListener((p, before, text) -> statuses.add(text)));
        List<Path> scans;
        try (java.util.stream.Stream<Path> files = Files.list(TestServices.ES_DEV)) {
            scans = files.filter(p -> p.getFileName().toString().startsWith("scan-")
                            && p.toString().endsWith(".pdf"))
                    .sorted()
                    .limit(4)
                    .toList();
        }
        drop(robot, scans);
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> table.getItems().stream()
                        .anyMatch(r -> r.stateProperty().get().equals("reading…")));
        ProcessHandle.of(app.supervisor().servicePid()).orElseThrow().destroyForcibly();
        UiWaits.untilAllRead(table, 4);
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> status.getText().startsWith("Service ready"));
        int restarting = statuses.indexOf("Service restarting…");
        assertTrue(restarting >= 0, statuses.toString());
        assertTrue(
                statuses.subList(restarting, statuses.size()).stream().anyMatch(s -> s.startsWith("Service ready")),
                statuses.toString());
        assertEquals(4, app.store().all().size());
        // The card: each likely shop by name, with its chance as a bar and in percent.
        javafx.scene.layout.VBox card = robot.lookup("#nextShopBars").queryAs(javafx.scene.layout.VBox.class);
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> !card.getChildren().isEmpty());
        List<String> shops = robot.lookup(".likely-shop .shop-name").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .toList();
        assertTrue(shops.contains("MERCADONA") || shops.contains("DIA"), shops.toString());
        assertTrue(robot.lookup(".likely-shop .chance").queryAllAs(Label.class).stream()
                .allMatch(chance -> chance.getText().matches("\\d{1,3} %")));
    }

    @Test
    void aCorrectionIsSavedAndStillThereAfterARestart(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        drop(robot, List.of(TestServices.ES_DEV.resolve("mercadona-2023-11-25-d5cb91a5.pdf")));
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        UiWaits.untilAllRead(table, 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.control.TextField shop = robot.lookup("#shopField").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "MERCADONA".equals(shop.getText()));
        robot.interact(() -> {
            robot.lookup("#shopField")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("MERCADONA GARRUCHA");
            robot.lookup("#totalField")
                    .queryAs(javafx.scene.control.TextField.class)
                    .setText("37,70");
        });
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> "MERCADONA GARRUCHA"
                        .equals(table.getItems().get(0).shopProperty().get()));
        assertEquals(
                "Saved. Ctrl+Z undoes it.",
                robot.lookup("#detailsStatus").queryAs(Label.class).getText());

        // Read again: the service reads the ticket anew, and the person's correction still applies.
        TicketRow row = table.getItems().get(0);
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> row.stateProperty().addListener((p, before, state) -> states.add(state)));
        robot.clickOn("#readAgainButton");
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> states.contains("reading…")
                        && "done".equals(row.stateProperty().get()));
        assertEquals("MERCADONA GARRUCHA", row.shopProperty().get());
        assertEquals(1, app.store().all().size());

        // A line the service missed is added, and one it misread taken off again.
        TableView<es.cesta.ui.main.LineRow> items = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !items.getItems().isEmpty());
        int lines = items.getItems().size();
        robot.clickOn("#addLineButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == lines + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "",
                items.getSelectionModel().getSelectedItem().value(es.cesta.tickets.LineColumn.DESCRIPTION),
                "the new, empty line is selected to type in");
        robot.interact(() -> items.getSelectionModel().clearAndSelect(0));
        robot.clickOn("#removeLineButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == lines);

        restartApp(robot);
        TableView<TicketRow> reopened = robot.lookup("#table").queryAll().stream()
                .filter(node -> node.getScene().getWindow().isShowing() && node instanceof TableView)
                .map(node -> (TableView<TicketRow>) node)
                .filter(t -> t != table)
                .findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> reopened.getItems().size() == 1);
        assertEquals(
                "MERCADONA GARRUCHA", reopened.getItems().get(0).shopProperty().get());
        assertEquals("€37.70", reopened.getItems().get(0).totalProperty().get());
    }

    /** Quits the app and starts it again on the same library, as a person would. */
    private void restartApp(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
        app = new CestaApp();
        app.init();
        robot.interact(() -> {
            try {
                app.start(new Stage());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private TableView<TicketRow> importOne(FxRobot robot, String name) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        drop(robot, List.of(TestServices.ES_DEV.resolve(name)));
        TableView<TicketRow> table = robot.lookup("#table").queryTableView();
        UiWaits.untilAllRead(table, 1);
        return table;
    }

    @Test
    void theReviewShowsThePageItemsAndVatAndUndoesTheLastSavedEdit(FxRobot robot) throws Exception {
        TableView<TicketRow> table = importOne(robot, "mercadona-2023-11-25-d5cb91a5.pdf");
        robot.interact(() -> table.getSelectionModel().select(0));
        TableView<?> items = robot.lookup("#itemsTable").queryTableView();
        TableView<?> taxes = robot.lookup("#taxesTable").queryTableView();
        javafx.scene.image.ImageView page = robot.lookup("#pageView").queryAs(javafx.scene.image.ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.getImage() != null);
        assertTrue(page.getImage().getHeight() > page.getImage().getWidth(), "a till roll is taller than wide");
        assertEquals(
                app.store().items(table.getItems().get(0).ticketId()).size(),
                items.getItems().size());
        assertTrue(items.getItems().size() >= 5, "items: " + items.getItems().size());
        assertEquals(
                app.store().taxes(table.getItems().get(0).ticketId()).size(),
                taxes.getItems().size());
        assertTrue(taxes.getItems().size() >= 1);

        javafx.scene.control.TextField total =
                robot.lookup("#totalField").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> total.setText("99.99"));
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> "€99.99".equals(table.getItems().get(0).totalProperty().get()));
        javafx.scene.control.Button undo = robot.lookup("#undoButton").queryButton();
        assertTrue(!undo.isDisabled());
        robot.clickOn(undo);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> "€37.76".equals(table.getItems().get(0).totalProperty().get()));
        assertEquals("37.76", total.getText());
        assertEquals(new java.math.BigDecimal("37.76"), app.store().all().get(0).total());
    }

    @Test
    void theFieldInFocusIsHighlightedWhereItWasReadOnAPageThatZooms(FxRobot robot) throws Exception {
        TableView<TicketRow> table = importOne(robot, "mercadona-2023-11-25-d5cb91a5.pdf");
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.image.ImageView page = robot.lookup("#pageView").queryAs(javafx.scene.image.ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.getImage() != null);
        es.cesta.client.PageBoxes boxes =
                app.store().reading(table.getItems().get(0).ticketId()).boxes();
        assertTrue(boxes.total() != null && boxes.items().size() >= 5, "the service said where: " + boxes);

        robot.clickOn("#totalField");
        javafx.scene.shape.Rectangle mark = robot.lookup(".page-highlight").queryAs(javafx.scene.shape.Rectangle.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, mark::isVisible);
        assertOn(mark, page, boxes.total());
        Label zoom = robot.lookup("#zoomLabel").queryAs(Label.class);
        assertEquals("100 %", zoom.getText());
        double fitted = page.getFitWidth();

        robot.clickOn("#zoomInButton");
        robot.clickOn("#zoomInButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("156 %", zoom.getText());
        assertEquals(fitted * 1.5625, page.getFitWidth(), 1);
        assertOn(mark, page, boxes.total()); // the box stays on its print at any zoom
        javafx.scene.control.ScrollPane scroll =
                robot.lookup("#pageScroll").queryAs(javafx.scene.control.ScrollPane.class);
        assertTrue(
                scroll.localToScene(scroll.getLayoutBounds()).intersects(mark.localToScene(mark.getBoundsInLocal())),
                "the highlighted total is scrolled into view");

        TableView<?> items = robot.lookup("#itemsTable").queryTableView();
        robot.interact(() -> items.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertOn(mark, page, boxes.items().get(3));

        robot.moveTo(scroll).press(javafx.scene.input.KeyCode.CONTROL).scroll(2, javafx.geometry.VerticalDirection.UP);
        robot.release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // Two notches of Ctrl + wheel are two zoom steps (Monocle's wheel direction is its own, so the
        // sign is not checked here: either 100 % or 244 % from 156 %).
        double ratio = page.getFitWidth() / (fitted * 1.5625);
        assertTrue(
                Math.abs(ratio - 1.5625) < 0.01 || Math.abs(ratio - 0.64) < 0.01,
                "Ctrl + wheel zooms: " + zoom.getText());
        robot.clickOn("#fitWidthButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("100 %", zoom.getText());
        assertEquals(fitted, page.getFitWidth(), 1);
    }

    /** The highlight lies over the box, in shares of the page as shown (a few pixels of margin). */
    private static void assertOn(
            javafx.scene.shape.Rectangle mark, javafx.scene.image.ImageView page, es.cesta.client.PageBoxes.Box box) {
        double width = page.getBoundsInParent().getWidth();
        double height = page.getBoundsInParent().getHeight();
        double slack = 6;
        assertEquals(box.left() * width, mark.getX(), slack, "left");
        assertEquals(box.top() * height, mark.getY(), slack, "top");
        assertEquals(box.right() * width, mark.getX() + mark.getWidth(), slack, "right");
        assertEquals(box.bottom() * height, mark.getY() + mark.getHeight(), slack, "bottom");
    }

    @Test
    void spanishChosenInSettingsRewordsTheWindowAndIsKeptAfterARestart(FxRobot robot) throws Exception {
        importOne(robot, "dia-2025-01-14-22b07d75.pdf");
        robot.interact(() -> ((javafx.scene.control.MenuButton)
                        robot.lookup("#settingsButton").query())
                .getItems().stream()
                        .flatMap(menu -> ((javafx.scene.control.Menu) menu).getItems().stream())
                        .filter(item -> "Español".equals(item.getText()))
                        .findFirst()
                        .orElseThrow()
                        .fire());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<TicketRow> spanish = robot.lookup("#table").queryTableView();
        assertEquals("Fecha", spanish.getColumns().get(0).getText());
        assertEquals("hecho", spanish.getItems().get(0).stateProperty().get());
        assertTrue(robot.lookup("#serviceLabel").queryAs(Label.class).getText().startsWith("Servicio listo"));
        assertEquals("Importar…", robot.lookup("#importButton").queryButton().getText());

        restartApp(robot);
        assertEquals("Fecha", app.mainView().table().getColumns().get(0).getText());
    }

    @Test
    void anUnsupportedFileIsRefusedWithAMessageAndNothingIsStored(FxRobot robot) throws Exception {
        Path notes = Files.writeString(home.resolve("notes.txt"), "shopping list: milk, bread");
        drop(robot, List.of(notes));
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertEquals("notes.txt was not imported: not a PDF, JPEG or PNG ticket", message.getText());
        assertTrue(app.store().all().isEmpty());
        assertTrue(robot.lookup("#table").queryTableView().getItems().isEmpty());
    }
}
