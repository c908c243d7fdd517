package es.cesta.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The main window's controller: binds the view model and turns drops and clicks into its calls. */
public final class MainView {

    private final MainViewModel viewModel;
    private final Runnable restart;
    private final Supplier<List<String>> serviceLog;

    @FXML private StackPane dropTarget;
    @FXML private TableView<TicketRow> table;
    @FXML private TableColumn<TicketRow, String> dateColumn;
    @FXML private TableColumn<TicketRow, String> shopColumn;
    @FXML private TableColumn<TicketRow, String> totalColumn;
    @FXML private TableColumn<TicketRow, String> itemsColumn;
    @FXML private TableColumn<TicketRow, String> paymentColumn;
    @FXML private TableColumn<TicketRow, String> stateColumn;
    @FXML private Label messageLabel;
    @FXML private TextField searchField;
    @FXML private Label shownLabel;
    @FXML private Label nextShopLabel;
    @FXML private javafx.scene.layout.VBox detailsPane;
    @FXML private TextField shopField;
    @FXML private TextField taxIdField;
    @FXML private TextField dateField;
    @FXML private TextField timeField;
    @FXML private TextField totalField;
    @FXML private TextField paymentField;
    @FXML private Label detailsStatus;
    @FXML private javafx.scene.control.ChoiceBox<es.cesta.ui.spending.Spending.Period> periodChoice;
    @FXML private javafx.scene.chart.BarChart<String, Number> monthChart;
    @FXML private javafx.scene.chart.BarChart<String, Number> shopChart;
    @FXML private javafx.scene.control.ComboBox<String> productChoice;
    @FXML private javafx.scene.chart.LineChart<String, Number> priceChart;
    @FXML private Label serviceLabel;
    @FXML private Button restartButton;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;

    public MainView(MainViewModel viewModel, Runnable restart, Supplier<List<String>> serviceLog) {
        this.viewModel = viewModel;
        this.restart = restart;
        this.serviceLog = serviceLog;
    }

    @FXML
    private void initialize() {
        bind(dateColumn, TicketRow::dateProperty);
        bind(shopColumn, TicketRow::shopProperty);
        bind(totalColumn, TicketRow::totalProperty);
        bind(itemsColumn, TicketRow::itemsProperty);
        bind(paymentColumn, TicketRow::paymentProperty);
        bind(stateColumn, TicketRow::stateProperty);
        SortedList<TicketRow> sorted = new SortedList<>(viewModel.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        shownLabel.textProperty().bind(viewModel.shownSummaryProperty());
        nextShopLabel.textProperty().bind(viewModel.nextShopProperty());
        TicketDetails details = viewModel.details();
        shopField.textProperty().bindBidirectional(details.field("shop_name"));
        taxIdField.textProperty().bindBidirectional(details.field("shop_tax_id"));
        dateField.textProperty().bindBidirectional(details.field("purchase_date"));
        timeField.textProperty().bindBidirectional(details.field("purchase_time"));
        totalField.textProperty().bindBidirectional(details.field("total"));
        paymentField.textProperty().bindBidirectional(details.field("payment_method"));
        detailsStatus.textProperty().bind(details.statusProperty());
        detailsPane.disableProperty().bind(details.selectedProperty().not());
        table.getSelectionModel().selectedItemProperty().addListener((p, before, row) -> viewModel.select(row));
        es.cesta.ui.spending.SpendingViewModel spending = viewModel.spending();
        periodChoice.getItems().setAll(es.cesta.ui.spending.Spending.Period.values());
        periodChoice.valueProperty().bindBidirectional(spending.periodProperty());
        plot(monthChart, spending.months());
        plot(shopChart, spending.shops());
        productChoice.setItems(spending.products());
        productChoice.valueProperty().bindBidirectional(spending.productProperty());
        spending.prices().addListener((javafx.collections.ListChangeListener<es.cesta.tickets.TicketStore.PricePoint>)
                change -> {
                    javafx.scene.chart.XYChart.Series<String, Number> series = new javafx.scene.chart.XYChart.Series<>();
                    spending.prices().forEach(point -> series.getData().add(new javafx.scene.chart.XYChart.Data<>(
                            point.date() + " " + (point.shop() == null ? "" : point.shop()), point.unitPrice())));
                    priceChart.getData().setAll(List.of(series));
                });
        table.setRowFactory(view -> {
            TableRow<TicketRow> row = new TableRow<>();
            MenuItem retry = new MenuItem("Retry");
            retry.setOnAction(event -> viewModel.retry(row.getItem()));
            MenuItem delete = new MenuItem("Delete…");
            delete.setOnAction(event -> confirmDelete(row.getItem()));
            ContextMenu menu = new ContextMenu(retry, delete);
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
            row.itemProperty().addListener((property, before, item) ->
                    retry.setDisable(item == null || !item.stateProperty().get().startsWith("failed")));
            return row;
        });
        table.sceneProperty().addListener((property, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFiles);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        searchField::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), () -> {
                    if (table.isFocused() && table.getSelectionModel().getSelectedItem() != null) {
                        confirmDelete(table.getSelectionModel().getSelectedItem());
                    }
                });
            }
        });
        serviceLabel.textProperty().bind(viewModel.serviceStatusProperty());
        restartButton.visibleProperty().bind(viewModel.serviceFailedProperty());
        restartButton.managedProperty().bind(restartButton.visibleProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        dropTarget.setOnDragOver(this::dragOver);
        dropTarget.setOnDragExited(event -> dropTarget.getStyleClass().remove("dragging"));
        dropTarget.setOnDragDropped(this::dropped);
    }

    /** Keeps a bar chart drawing the bars of the view model's list. */
    private static void plot(javafx.scene.chart.BarChart<String, Number> chart,
                             javafx.collections.ObservableList<es.cesta.ui.spending.Spending.Bar> bars) {
        Runnable redraw = () -> {
            javafx.scene.chart.XYChart.Series<String, Number> series = new javafx.scene.chart.XYChart.Series<>();
            bars.forEach(bar -> series.getData().add(new javafx.scene.chart.XYChart.Data<>(bar.label(), bar.amount())));
            chart.getData().setAll(List.of(series));
        };
        bars.addListener((javafx.collections.ListChangeListener<es.cesta.ui.spending.Spending.Bar>) change -> redraw.run());
        redraw.run();
    }

    private static void bind(TableColumn<TicketRow, String> column, Function<TicketRow, ReadOnlyStringProperty> value) {
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            if (!dropTarget.getStyleClass().contains("dragging")) {
                dropTarget.getStyleClass().add("dragging");
            }
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean accepted = importFrom(event.getDragboard());
        event.setDropCompleted(accepted);
        event.consume();
    }

    /** The files of a drag-and-drop (a Dragboard is a Clipboard) or of any clipboard content. */
    public boolean importFrom(Clipboard board) {
        if (!board.hasFiles()) {
            return false;
        }
        viewModel.importFiles(board.getFiles().stream().map(File::toPath).toList());
        return true;
    }

    @FXML
    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import tickets");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Tickets (PDF, JPEG, PNG)",
                "*.pdf", "*.PDF", "*.jpg", "*.jpeg", "*.JPG", "*.png", "*.PNG"));
        List<File> files = chooser.showOpenMultipleDialog(table.getScene().getWindow());
        if (files != null) {
            viewModel.importFiles(files.stream().map(File::toPath).map(Path::toAbsolutePath).toList());
        }
    }

    private void confirmDelete(TicketRow row) {
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete the ticket " + row.shopProperty().get() + " "
                + row.dateProperty().get() + " " + row.totalProperty().get() + " and its copy of the file?",
                javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        confirm.setHeaderText("Delete ticket");
        confirm.initOwner(table.getScene().getWindow());
        confirm.showAndWait().filter(answer -> answer == javafx.scene.control.ButtonType.OK)
                .ifPresent(answer -> viewModel.delete(row));
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the shown tickets");
        chooser.setInitialFileName("tickets.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    @FXML
    private void saveDetails() {
        TicketRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.saveDetails(row);
        }
    }

    @FXML
    private void restartService() {
        restart.run();
    }

    @FXML
    private void showServiceLog() {
        TextArea text = new TextArea(String.join("\n", serviceLog.get()));
        text.setEditable(false);
        text.setPrefSize(900, 500);
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.setTitle("Service log");
        dialog.setHeaderText("The intelligence service's last lines");
        dialog.getDialogPane().setContent(text);
        dialog.initOwner(table.getScene().getWindow());
        dialog.show();
    }

    public TableView<TicketRow> table() {
        return table;
    }
}
