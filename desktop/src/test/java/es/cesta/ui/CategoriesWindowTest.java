package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.tickets.Category;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.main.LineRow;
import es.cesta.ui.main.TicketRow;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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

/**
 * Categories in the real window with the real service: a line's category chosen in the review,
 * offered to and applied to the library's lines like it, the library filtered by category, and the
 * Spending tab's per-category chart opened from a group into its categories and their lines.
 */
@ExtendWith(ApplicationExtension.class)
@SuppressWarnings("unchecked")
class CategoriesWindowTest {

    // Three real tickets of one shop; the bagged salad line is on all three.
    private static final List<String> TICKETS = List.of(
            "mercadona-2024-04-23-02765512.pdf",
            "mercadona-2024-06-20-118ae856.pdf",
            "mercadona-2024-10-08-961fa6b7.pdf");
    private static final String SHARED_LINE = "CANÓNIGOS";

    private CestaApp app;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("cesta-categories");
        app = TestApps.launch(stage, home);
    }

    @AfterEach
    void stop() throws Exception {
        TestApps.stop(app);
    }

    private TableView<TicketRow> importTheTickets(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        ClipboardContent content = new ClipboardContent();
        content.putFiles(TICKETS.stream()
                .map(name -> TestServices.ES_DEV.resolve(name).toFile())
                .map(File::getAbsoluteFile)
                .toList());
        robot.interact(() -> {
            Clipboard.getSystemClipboard().setContent(content);
            assertTrue(app.mainView().importFrom(Clipboard.getSystemClipboard()));
        });
        TableView<TicketRow> table = app.mainView().table();
        UiWaits.untilAllRead(table, TICKETS.size());
        return table;
    }

    private TicketStore.ItemRow sharedLineOf(UUID ticket) {
        return app.store().items(ticket).stream()
                .filter(i -> i.description().equals(SHARED_LINE))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCategoryChosenInTheReviewIsOfferedToTheSameLinesAndFiltersTheLibrary(FxRobot robot) throws Exception {
        TableView<TicketRow> table = importTheTickets(robot);
        List<UUID> ids = table.getItems().stream().map(TicketRow::ticketId).toList();
        UUID first = ids.get(0);
        assertTrue(ids.stream()
                .allMatch(id -> "Fruta y verdura".equals(sharedLineOf(id).category())));

        robot.interact(() -> table.getSelectionModel().select(0));
        TableView<LineRow> items = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> items.getItems().stream()
                        .anyMatch(l -> l.value(LineColumn.DESCRIPTION).equals(SHARED_LINE)));
        int row = items.getItems().stream()
                .filter(l -> l.value(LineColumn.DESCRIPTION).equals(SHARED_LINE))
                .findFirst()
                .map(items.getItems()::indexOf)
                .orElseThrow();
        TableColumn<LineRow, ?> categoryColumn =
                items.getColumns().get(items.getColumns().size() - 1);
        assertEquals(
                "Fruta y verdura", categoryColumn.getCellObservableValue(row).getValue());
        // As a person does it: the line scrolled into view, its cell opens its list, a category is picked.
        robot.interact(() -> items.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> items.edit(row, (TableColumn<LineRow, Object>) (TableColumn<?, ?>) categoryColumn));
        ComboBox<Category> choice = robot.lookup(".table-cell .combo-box").queryComboBox();
        robot.interact(() -> choice.getSelectionModel().select(Category.PIZZAS_AND_READY_MEALS));

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> sharedLineOf(first).categoryByPerson());
        Label offer = robot.lookup("#categoryOfferLabel").queryAs(Label.class);
        Node offerBar = robot.lookup("#categoryOfferBar").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, offerBar::isVisible);
        assertEquals(
                "2 other lines of your library read \u201cCANÓNIGOS\u201d. Give them Pizzas and ready meals too?",
                offer.getText());
        robot.clickOn((Button) robot.lookup("#applyCategoryButton").query());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> ids.stream()
                        .allMatch(id -> "Pizzas y platos preparados"
                                .equals(sharedLineOf(id).category())));
        assertTrue(ids.stream().allMatch(id -> sharedLineOf(id).categoryByPerson()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !offerBar.isVisible());

        ComboBox<Category> filter = robot.lookup("#categoryFilter").queryComboBox();
        robot.interact(() -> filter.setValue(Category.FUEL));
        assertEquals(0, table.getItems().size());
        robot.interact(() -> filter.setValue(Category.PIZZAS_AND_READY_MEALS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        robot.interact(() -> filter.setValue(null));
        assertEquals(3, table.getItems().size());
    }

    @Test
    void theSpendingTabStacksCategoriesPerMonthAndOpensAGroupIntoItsLines(FxRobot robot) throws Exception {
        importTheTickets(robot);
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#periodChoice")
                .queryAs(ChoiceBox.class)
                .setValue(es.cesta.ui.spending.Spending.Period.ALL));
        StackedBarChart<String, Number> chart = robot.lookup("#categoryChart").queryAs(StackedBarChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().size() >= 3);
        List<String> groups =
                chart.getData().stream().map(XYChart.Series::getName).toList();
        assertTrue(groups.contains("Fruit and vegetables"), groups.toString());
        // Three tickets in three months: every stack has a bar for each month.
        assertTrue(chart.getData().stream().allMatch(s -> s.getData().size() == 3));

        XYChart.Series<String, Number> fruit = chart.getData().stream()
                .filter(s -> s.getName().equals("Fruit and vegetables"))
                .findFirst()
                .orElseThrow();
        Node bar = fruit.getData().stream()
                .filter(d -> d.getYValue().doubleValue() > 0)
                .findFirst()
                .orElseThrow()
                .getNode();
        robot.clickOn(bar);
        Button back = robot.lookup("#allCategoriesButton").queryButton();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, back::isVisible);
        assertEquals(
                List.of("Fruit and vegetables"),
                chart.getData().stream().map(XYChart.Series::getName).toList());
        TableView<es.cesta.tickets.CategoryMemory.Line> lines =
                robot.lookup("#pickedLines").queryTableView();
        long fruitLines = app.store().all().stream()
                .flatMap(t -> app.store().items(t.id()).stream())
                .filter(i -> i.kind().equals("item") && "Fruta y verdura".equals(i.category()))
                .count();
        assertTrue(fruitLines >= 3);
        assertEquals(fruitLines, lines.getItems().size());
        assertTrue(lines.getItems().stream().allMatch(l -> l.category() == Category.FRUIT_AND_VEGETABLES));
        Label summary = robot.lookup("#pickedSummary").queryAs(Label.class);
        assertTrue(
                summary.getText()
                        .startsWith("Fruit and vegetables: " + lines.getItems().size() + " lines on 3 tickets"),
                summary.getText());

        robot.clickOn(back);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chart.getData().size() == groups.size());
        assertTrue(!back.isVisible());
    }
}
