package es.cesta.ui.shopping;

import es.cesta.client.NextBasket;
import es.cesta.ui.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The Shopping list tab's controller: the list by category, ticks, own lines, copy and print. */
public final class ShoppingListView {

    private final ShoppingListViewModel viewModel;
    private final Supplier<Texts> texts;

    @FXML
    private TextField newItemField;

    @FXML
    private Button printButton;

    @FXML
    private Label listStatus;

    @FXML
    private VBox listBox;

    public ShoppingListView(ShoppingListViewModel viewModel, Supplier<Texts> texts) {
        this.viewModel = viewModel;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        listStatus.textProperty().bind(viewModel.statusProperty());
        listStatus.managedProperty().bind(listStatus.textProperty().isNotEmpty());
        printButton.setDisable(Printer.getDefaultPrinter() == null);
        viewModel.entries().addListener((ListChangeListener<ListEntry>) change -> render());
        render();
    }

    private void render() {
        Map<String, List<ListEntry>> byCategory = new LinkedHashMap<>();
        viewModel
                .entries()
                .forEach(e -> byCategory
                        .computeIfAbsent(viewModel.categoryName(e.category()), c -> new java.util.ArrayList<>())
                        .add(e));
        listBox.getChildren().clear();
        byCategory.forEach((category, lines) -> {
            Label header = new Label(category);
            header.getStyleClass().add("list-category");
            listBox.getChildren().add(header);
            lines.forEach(line -> listBox.getChildren().add(row(line)));
        });
    }

    private HBox row(ListEntry line) {
        CheckBox tick = new CheckBox(line.description());
        tick.selectedProperty().bindBidirectional(line.tickedProperty());
        tick.getStyleClass().add("list-item");
        tick.selectedProperty().addListener((o, was, now) -> tick.pseudoClassStateChanged(TICKED, now));
        tick.pseudoClassStateChanged(TICKED, tick.isSelected());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label rhythm = new Label(rhythm(line));
        rhythm.getStyleClass().add("hint");
        HBox row = new HBox(8, tick, gap, rhythm);
        if (!line.own()) {
            Label chance = new Label(
                    texts.get().get("list.chance", Math.round(100 * line.due().probability())));
            chance.getStyleClass().add("list-chance");
            row.getChildren().add(chance);
        }
        row.getStyleClass().add("list-row");
        return row;
    }

    private static final javafx.css.PseudoClass TICKED = javafx.css.PseudoClass.getPseudoClass("ticked");

    /** "every 7 days · last 6 Mar 2025 · due in 2 days", "bought once · 6 Mar 2025", "added by you". */
    private String rhythm(ListEntry line) {
        Texts words = texts.get();
        NextBasket.Due due = line.due();
        if (due == null) {
            return words.get("list.yours");
        }
        String last = words.formats().date(due.lastBought());
        if (due.everyDays() == null) {
            return words.get("list.once", last);
        }
        int overdue = due.daysOverdue();
        String when = overdue == 0
                ? words.get("list.dueToday")
                : overdue > 0 ? words.get("list.overdue", overdue) : words.get("list.dueIn", -overdue);
        return words.get("list.every", Math.round(due.everyDays()), last, when);
    }

    @FXML
    private void addItem() {
        viewModel.add(newItemField.getText());
        newItemField.clear();
    }

    @FXML
    private void clearTicked() {
        viewModel.clearTicked();
    }

    @FXML
    private void copyList() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.asText());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void printList() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null || !job.showPrintDialog(listBox.getScene().getWindow())) {
            return;
        }
        TextFlow page = new TextFlow(new Text(viewModel.asText()));
        page.setPrefWidth(job.getJobSettings().getPageLayout().getPrintableWidth());
        if (job.printPage(page)) {
            job.endJob();
        }
    }
}
