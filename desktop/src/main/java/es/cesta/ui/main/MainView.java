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

/** The main window's controller: binds the view model and turns drops and clicks into its calls. */
public final class MainView {

    private final MainViewModel viewModel;
    private final Runnable restart;

    @FXML private StackPane dropTarget;
    @FXML private TableView<TicketRow> table;
    @FXML private TableColumn<TicketRow, String> dateColumn;
    @FXML private TableColumn<TicketRow, String> shopColumn;
    @FXML private TableColumn<TicketRow, String> totalColumn;
    @FXML private TableColumn<TicketRow, String> itemsColumn;
    @FXML private TableColumn<TicketRow, String> paymentColumn;
    @FXML private TableColumn<TicketRow, String> stateColumn;
    @FXML private Label messageLabel;
    @FXML private Label serviceLabel;
    @FXML private Button restartButton;
    @FXML private Label progressLabel;
    @FXML private ProgressBar progressBar;

    public MainView(MainViewModel viewModel, Runnable restart) {
        this.viewModel = viewModel;
        this.restart = restart;
    }

    @FXML
    private void initialize() {
        bind(dateColumn, TicketRow::dateProperty);
        bind(shopColumn, TicketRow::shopProperty);
        bind(totalColumn, TicketRow::totalProperty);
        bind(itemsColumn, TicketRow::itemsProperty);
        bind(paymentColumn, TicketRow::paymentProperty);
        bind(stateColumn, TicketRow::stateProperty);
        table.setItems(viewModel.rows());
        serviceLabel.textProperty().bind(viewModel.serviceStatusProperty());
        restartButton.visibleProperty().bind(viewModel.serviceFailedProperty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        dropTarget.setOnDragOver(this::dragOver);
        dropTarget.setOnDragExited(event -> dropTarget.getStyleClass().remove("dragging"));
        dropTarget.setOnDragDropped(this::dropped);
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

    @FXML
    private void restartService() {
        restart.run();
    }

    public TableView<TicketRow> table() {
        return table;
    }
}
