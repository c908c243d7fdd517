package es.cesta.ui.main;

import es.cesta.client.NextShop;
import es.cesta.tickets.Category;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.TicketField;
import es.cesta.ui.Categories;
import es.cesta.ui.LocalFormats;
import es.cesta.ui.Settings;
import es.cesta.ui.Texts;
import es.cesta.ui.shopping.ShoppingListView;
import es.cesta.ui.spending.SpendingView;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The main window's controller: binds the view model and turns drops, clicks and keys into its calls. */
public final class MainView {

    /** What the window asks of the app around it. */
    public record Host(
            Runnable restartService,
            Supplier<List<String>> serviceLog,
            Settings settings,
            Consumer<String> switchLanguage,
            Consumer<Settings.Theme> switchTheme,
            Runnable restoreBackup,
            Consumer<Path> watchFolder) {}

    private final MainViewModel viewModel;
    private final Host host;

    @FXML
    private StackPane dropTarget;

    @FXML
    private Label dropHint;

    @FXML
    private TableView<TicketRow> table;

    @FXML
    private TableColumn<TicketRow, SortableText<LocalDate>> dateColumn;

    @FXML
    private TableColumn<TicketRow, String> shopColumn;

    @FXML
    private TableColumn<TicketRow, SortableText<BigDecimal>> totalColumn;

    @FXML
    private TableColumn<TicketRow, SortableText<Integer>> itemsColumn;

    @FXML
    private TableColumn<TicketRow, String> paymentColumn;

    @FXML
    private TableColumn<TicketRow, String> stateColumn;

    @FXML
    private Label messageLabel;

    @FXML
    private TextField searchField;

    @FXML
    private DatePicker fromPicker;

    @FXML
    private DatePicker toPicker;

    @FXML
    private ComboBox<String> shopFilter;

    @FXML
    private ComboBox<Category> categoryFilter;

    @FXML
    private TableColumn<LineRow, String> itemCategoryColumn;

    @FXML
    private HBox categoryOfferBar;

    @FXML
    private Label categoryOfferLabel;

    @FXML
    private Label shownLabel;

    @FXML
    private Button undoButton;

    @FXML
    private Button readAgainButton;

    @FXML
    private Button removeLineButton;

    @FXML
    private VBox twinBar;

    @FXML
    private Label twinLabel;

    @FXML
    private RadioMenuItem englishItem;

    @FXML
    private MenuItem watchItem;

    @FXML
    private MenuItem unwatchItem;

    @FXML
    private RadioMenuItem spanishItem;

    @FXML
    private RadioMenuItem lightItem;

    @FXML
    private RadioMenuItem darkItem;

    @FXML
    private TabPane tabs;

    @FXML
    private Label nextShopLabel;

    @FXML
    private VBox nextShopBars;

    @FXML
    private HBox reviewPane;

    @FXML
    private ScrollPane pageScroll;

    @FXML
    private ImageView pageView;

    @FXML
    private Label pageHint;

    @FXML
    private Button zoomInButton;

    @FXML
    private Button zoomOutButton;

    @FXML
    private Label zoomLabel;

    private PageViewer pageViewer;

    @FXML
    private TextField shopField;

    @FXML
    private TextField taxIdField;

    @FXML
    private TextField dateField;

    @FXML
    private TextField timeField;

    @FXML
    private TextField totalField;

    @FXML
    private TextField paymentField;

    @FXML
    private Label detailsStatus;

    @FXML
    private Label doubtsLabel;

    @FXML
    private Label readingNotes;

    @FXML
    private TableView<LineRow> itemsTable;

    @FXML
    private TableColumn<LineRow, String> itemDescriptionColumn;

    @FXML
    private TableColumn<LineRow, String> itemQuantityColumn;

    @FXML
    private TableColumn<LineRow, String> itemUnitPriceColumn;

    @FXML
    private TableColumn<LineRow, String> itemAmountColumn;

    @FXML
    private TableView<LineRow> taxesTable;

    @FXML
    private TableColumn<LineRow, String> taxRateColumn;

    @FXML
    private TableColumn<LineRow, String> taxBaseColumn;

    @FXML
    private TableColumn<LineRow, String> taxAmountColumn;

    @FXML
    private Tab spendingTab;

    @FXML
    private Tab listTab;

    @FXML
    private Label serviceLabel;

    @FXML
    private Button restartButton;

    @FXML
    private Label progressLabel;

    @FXML
    private ProgressBar progressBar;

    @FXML
    private Button cancelButton;

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass TWIN = PseudoClass.getPseudoClass("twin");
    private final Map<String, Node> reviewedNodes = new LinkedHashMap<>();

    public MainView(MainViewModel viewModel, Host host) {
        this.viewModel = viewModel;
        this.host = host;
    }

    private Texts texts() {
        return viewModel.texts();
    }

    @FXML
    private void initialize() {
        bindLibrary();
        bindFilters();
        bindReview();
        bindSpending();
        bindShoppingList();
        bindSettings();
        nextShopLabel.textProperty().bind(viewModel.nextShop().noteProperty());
        viewModel.nextShop().likely().addListener((ListChangeListener<NextShop.Prediction>)
                change -> showLikelyShops());
        showLikelyShops();
        serviceLabel.textProperty().bind(viewModel.serviceStatusProperty());
        restartButton.visibleProperty().bind(viewModel.serviceFailedProperty());
        restartButton.managedProperty().bind(restartButton.visibleProperty());
        progressBar.progressProperty().bind(viewModel.importProgress().fractionProperty());
        progressLabel.textProperty().bind(viewModel.importProgress().textProperty());
        cancelButton.visibleProperty().bind(viewModel.importProgress().importingProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        dropTarget.setOnDragOver(this::dragOver);
        dropTarget.setOnDragExited(event -> showDragging(false));
        dropTarget.setOnDragDropped(this::dropped);
        table.sceneProperty().addListener((property, before, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
                Platform.runLater(this::primeTableCells);
            }
        });
    }

    private void bindLibrary() {
        // Shown in the window's language, sorted by meaning; an undated ticket by the day it came in.
        dateColumn.setCellValueFactory(cell -> cell.getValue().dateCell());
        bind(shopColumn, TicketRow::shopProperty);
        totalColumn.setCellValueFactory(cell -> cell.getValue().totalCell());
        itemsColumn.setCellValueFactory(cell -> cell.getValue().itemsCell());
        // The stored word is the contract's ("card", "cash"); the table says it in the window's language.
        paymentColumn.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> paymentWord(cell.getValue().paymentProperty().get()),
                cell.getValue().paymentProperty()));
        bind(stateColumn, TicketRow::stateProperty);
        SortedList<TicketRow> sorted = new SortedList<>(viewModel.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Newest first until the person sorts by another column; an undated ticket by its import day.
        dateColumn.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(dateColumn);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Rows of one line: a fixed height spares measuring every new row while an import fills the table.
        table.setFixedCellSize(24);
        table.getSelectionModel().selectedItemProperty().addListener((p, before, row) -> {
            viewModel.select(row);
            readAgainButton.disableProperty().unbind();
            if (row == null) {
                readAgainButton.setDisable(true);
            } else {
                readAgainButton
                        .disableProperty()
                        .bind(Bindings.createBooleanBinding(() -> !canReadAgain(row), row.changes()));
            }
        });
        readAgainButton.setDisable(true);
        // A window built again (in another language) selects the ticket still under review.
        java.util.UUID reviewed = viewModel.details().ticketId();
        if (reviewed != null) {
            table.getItems().stream()
                    .filter(r -> reviewed.equals(r.ticketId()))
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        // One menu for the table, acting on the selected row: a menu per row would build a popup
        // window per row, which costs the FX thread most while a big import fills the table.
        MenuItem readAgain = new MenuItem(texts().get("action.readAgain"));
        readAgain.setOnAction(
                event -> viewModel.readAgain(table.getSelectionModel().getSelectedItem()));
        MenuItem delete = new MenuItem(texts().get("action.delete"));
        delete.setOnAction(event -> confirmDelete(table.getSelectionModel().getSelectedItem()));
        ContextMenu menu = new ContextMenu(readAgain, delete);
        menu.setOnShowing(event -> {
            TicketRow selected = table.getSelectionModel().getSelectedItem();
            // A failed import is retried, a read one read again: the same action, named for the row.
            readAgain.setText(texts().get(
                            selected != null && selected.status() == TicketRow.Status.FAILED
                                    ? "action.retry"
                                    : "action.readAgain"));
            readAgain.setDisable(!canReadAgain(selected));
            delete.setDisable(selected == null);
        });
        table.setContextMenu(menu);
        table.setRowFactory(view -> {
            TableRow<TicketRow> row = new TableRow<>();
            // A failed row is red, a probable duplicate amber; its state changes while the row keeps
            // its item, so follow the state.
            javafx.beans.value.ChangeListener<String> restyle = (property, before, state) -> {
                TicketRow.Status status =
                        row.getItem() == null ? null : row.getItem().status();
                row.pseudoClassStateChanged(FAILED, status == TicketRow.Status.FAILED);
                row.pseudoClassStateChanged(TWIN, status == TicketRow.Status.TWIN);
            };
            row.itemProperty().addListener((property, before, item) -> {
                if (before != null) {
                    before.stateProperty().removeListener(restyle);
                }
                if (item != null) {
                    item.stateProperty().addListener(restyle);
                }
                restyle.changed(null, null, null);
            });
            return row;
        });
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        shownLabel.textProperty().bind(viewModel.shownSummaryProperty());
    }

    private void bindFilters() {
        fromPicker.valueProperty().bindBidirectional(viewModel.fromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.toProperty());
        // Written and typed as the window's language does, not as the machine's locale would.
        fromPicker.setConverter(dateConverter());
        toPicker.setConverter(dateConverter());
        shopFilter.setPromptText(texts().get("filter.allShops"));
        shopFilter.setItems(viewModel.shops());
        shopFilter.valueProperty().bindBidirectional(viewModel.shopProperty());
        categoryFilter.setPromptText(texts().get("filter.allCategories"));
        categoryFilter.setItems(FXCollections.observableArrayList(Categories.sortedByName(texts())));
        categoryFilter.setConverter(Categories.converter(texts()));
        categoryFilter.valueProperty().bindBidirectional(viewModel.categoryProperty());
    }

    @FXML
    private void clearFilters() {
        viewModel.searchProperty().set("");
        viewModel.fromProperty().set(null);
        viewModel.toProperty().set(null);
        viewModel.shopProperty().set(null);
        shopFilter.getSelectionModel().clearSelection();
        viewModel.categoryProperty().set(null);
        categoryFilter.getSelectionModel().clearSelection();
    }

    private void bindReview() {
        TicketDetails details = viewModel.details();
        reviewedNodes.put(TicketField.SHOP_NAME.key(), shopField);
        reviewedNodes.put(TicketField.SHOP_TAX_ID.key(), taxIdField);
        reviewedNodes.put(TicketField.PURCHASE_DATE.key(), dateField);
        reviewedNodes.put(TicketField.PURCHASE_TIME.key(), timeField);
        reviewedNodes.put(TicketField.TOTAL.key(), totalField);
        reviewedNodes.put(TicketField.PAYMENT_METHOD.key(), paymentField);
        reviewedNodes.forEach((field, node) -> {
            ((TextField) node).textProperty().bindBidirectional(details.field(field));
            // The field in focus is highlighted on the page where it was read.
            node.focusedProperty().addListener((o, was, now) -> {
                if (now) {
                    details.showWhereField(field);
                }
            });
        });
        reviewedNodes.put("items", itemsTable);
        reviewedNodes.put("taxes", taxesTable);
        details.doubts().addListener((MapChangeListener<String, String>) change -> showDoubts());
        showDoubts();
        detailsStatus.textProperty().bind(details.statusProperty());
        readingNotes.textProperty().bind(details.notesProperty());
        twinLabel.textProperty().bind(details.twinProperty());
        twinBar.visibleProperty().bind(details.twinProperty().isNotEmpty());
        twinBar.managedProperty().bind(twinBar.visibleProperty());
        readingNotes.managedProperty().bind(readingNotes.textProperty().isNotEmpty());
        reviewPane.disableProperty().bind(details.selectedProperty().not());
        undoButton.disableProperty().bind(details.canUndoProperty().not());
        undoButton.setTooltip(new Tooltip(texts().get("action.undoTip")));
        pageView.imageProperty().bind(details.pageProperty());
        pageViewer = new PageViewer(pageScroll, pageView);
        pageViewer.highlightProperty().bind(details.highlightProperty());
        zoomLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> texts().get(
                                        "page.zoom",
                                        Math.round(pageViewer.zoomProperty().get() * 100)),
                        pageViewer.zoomProperty()));
        zoomInButton.setTooltip(new Tooltip(texts().get("page.zoomIn")));
        zoomOutButton.setTooltip(new Tooltip(texts().get("page.zoomOut")));
        itemsTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> details.showWhereLine(now));
        taxesTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> details.showWhereTax(now));
        pageHint.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            if (!details.selectedProperty().get()) {
                                return texts().get("review.selectTicket");
                            }
                            if (!details.pageProblemProperty().get().isEmpty()) {
                                return details.pageProblemProperty().get();
                            }
                            return details.pageProperty().get() == null ? texts().get("review.loadingPage") : "";
                        },
                        details.selectedProperty(),
                        details.pageProblemProperty(),
                        details.pageProperty()));
        pageHint.visibleProperty().bind(pageHint.textProperty().isNotEmpty());
        itemsTable.setItems(details.items());
        removeLineButton
                .disableProperty()
                .bind(itemsTable.getSelectionModel().selectedItemProperty().isNull());
        taxesTable.setItems(details.taxes());
        editable(itemDescriptionColumn, LineColumn.DESCRIPTION);
        editable(itemQuantityColumn, LineColumn.QUANTITY);
        editable(itemUnitPriceColumn, LineColumn.UNIT_PRICE);
        editable(itemAmountColumn, LineColumn.AMOUNT);
        editable(taxRateColumn, LineColumn.RATE);
        editable(taxBaseColumn, LineColumn.BASE);
        editable(taxAmountColumn, LineColumn.AMOUNT);
        bindCategoryColumn();
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        taxesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        itemsTable.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(LineRow line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("discount-row");
                if (!empty && line != null && line.discount()) {
                    getStyleClass().add("discount-row");
                }
            }
        });
    }

    /**
     * The items' category: a choice among the categories in the window's language, saved as the
     * person's correction; discount lines have none. Then the offer for the library's lines like it.
     */
    private void bindCategoryColumn() {
        StringConverter<Category> names = Categories.converter(texts());
        itemCategoryColumn.setCellValueFactory(cell -> cell.getValue().column(LineColumn.CATEGORY));
        itemCategoryColumn.setCellFactory(column -> new CategoryCell(names, Categories.sortedByName(texts())));
        itemCategoryColumn.setOnEditCommit(edit -> {
            viewModel.chooseCategory(
                    edit.getRowValue(), Category.of(edit.getNewValue()).orElse(null));
            edit.getTableView().refresh();
        });
        CategoryChoice choice = viewModel.categoryChoice();
        categoryOfferLabel.textProperty().bind(choice.offerProperty());
        categoryOfferBar.visibleProperty().bind(choice.offerProperty().isNotEmpty());
        categoryOfferBar.managedProperty().bind(categoryOfferBar.visibleProperty());
    }

    @FXML
    private void applyCategoryToOthers() {
        viewModel.acceptCategoryOffer();
    }

    @FXML
    private void dismissCategoryOffer() {
        viewModel.categoryChoice().dismiss();
    }

    /** A table column whose cells edit in place and save on Enter, each edit one undoable step. */
    private void editable(TableColumn<LineRow, String> column, LineColumn name) {
        column.setCellValueFactory(cell -> cell.getValue().column(name));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setOnEditCommit(edit -> {
            viewModel.editLine(edit.getRowValue(), name, edit.getNewValue() == null ? "" : edit.getNewValue());
            edit.getTableView().refresh(); // a refused value goes back to the stored one
        });
    }

    /** Amber fields with the reason in a tooltip, and the reasons listed under the fields. */
    private void showDoubts() {
        Map<String, String> doubts = viewModel.details().doubts();
        reviewedNodes.forEach((field, node) -> {
            node.getStyleClass().remove("doubtful");
            String reason = doubts.get(field);
            if (reason != null) {
                node.getStyleClass().add("doubtful");
            }
            if (node instanceof TextField text) {
                text.setTooltip(reason == null ? null : new Tooltip(reason));
            }
        });
        doubtsLabel.setText(reviewedNodes.keySet().stream()
                .filter(doubts::containsKey)
                .map(field -> "⚠ " + texts().get("doubt." + field) + ": " + doubts.get(field))
                .distinct()
                .collect(Collectors.joining("\n")));
    }

    /** The Spending tab is built the first time it is opened: its charts cost a third of the start-up. */
    private void bindSpending() {
        buildOnFirstOpen(
                spendingTab,
                SpendingView.class.getResource("SpendingView.fxml"),
                () -> new SpendingView(viewModel.spending(), this::texts));
    }

    /** The Shopping list tab is built the first time it is opened, as the Spending tab. */
    private void bindShoppingList() {
        buildOnFirstOpen(
                listTab,
                ShoppingListView.class.getResource("ShoppingListView.fxml"),
                () -> new ShoppingListView(viewModel.shoppingList(), this::texts));
    }

    private void buildOnFirstOpen(Tab tab, java.net.URL fxml, java.util.function.Supplier<Object> controller) {
        tab.selectedProperty().addListener((property, before, selected) -> {
            if (selected && tab.getContent() == null) {
                FXMLLoader loader = new FXMLLoader(fxml, texts().bundle());
                loader.setControllerFactory(type -> controller.get());
                try {
                    tab.setContent(loader.load());
                } catch (IOException e) {
                    throw new UncheckedIOException("the tab's own FXML cannot be loaded: " + fxml, e);
                }
            }
        });
    }

    private void bindSettings() {
        ToggleGroup languages = new ToggleGroup();
        englishItem.setToggleGroup(languages);
        spanishItem.setToggleGroup(languages);
        ("es".equals(texts().language()) ? spanishItem : englishItem).setSelected(true);
        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        (host.settings().theme() == Settings.Theme.DARK ? darkItem : lightItem).setSelected(true);
        showWatchedFolder();
    }

    private void showWatchedFolder() {
        Optional<Path> folder = host.settings().watchedFolder();
        // The folder's own name: a whole path would make the menu as wide as the screen.
        watchItem.setText(folder.map(f -> texts().get("settings.watching", f.getFileName()))
                .orElse(texts().get("settings.watch")));
        unwatchItem.setDisable(folder.isEmpty());
    }

    @FXML
    private void chooseWatchedFolder() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(texts().get("settings.watchTitle"));
        host.settings()
                .watchedFolder()
                .filter(java.nio.file.Files::isDirectory)
                .map(Path::toFile)
                .ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(table.getScene().getWindow());
        if (chosen != null) {
            watchFolder(chosen.toPath());
        }
    }

    /** Watches {@code folder} for new tickets (null: none), and says so in the Settings menu. */
    public void watchFolder(Path folder) {
        host.watchFolder().accept(folder);
        showWatchedFolder();
    }

    @FXML
    private void stopWatching() {
        watchFolder(null);
    }

    @FXML
    private void useEnglish() {
        host.switchLanguage().accept("en");
    }

    @FXML
    private void useSpanish() {
        host.switchLanguage().accept("es");
    }

    @FXML
    private void restoreBackup() {
        host.restoreBackup().run();
    }

    @FXML
    private void useLightTheme() {
        host.switchTheme().accept(Settings.Theme.LIGHT);
    }

    @FXML
    private void useDarkTheme() {
        host.switchTheme().accept(Settings.Theme.DARK);
    }

    /**
     * Builds the library table's row cells once the window is up, with throwaway rows that are gone
     * again before the next frame is drawn: the first cells of a session cost ~0.1 s of class loading,
     * CSS and skin set-up, which would otherwise land on the FX thread at the moment the first import
     * fills the table. The table keeps the cells and reuses them for the real rows.
     */
    private void primeTableCells() {
        ObservableList<TicketRow> real = table.getItems();
        if (!real.isEmpty()) {
            return; // a library on screen has built its cells already
        }
        ObservableList<TicketRow> throwaway = FXCollections.observableArrayList();
        for (int i = 0; i < 40; i++) {
            TicketRow row = new TicketRow(Path.of("primer-" + i + ".pdf"), null);
            row.setStatus(TicketRow.Status.QUEUED, null, "queued");
            throwaway.add(row);
        }
        // Changing the items clears the table's sort order: kept aside and put back.
        List<TableColumn<TicketRow, ?>> sortOrder = List.copyOf(table.getSortOrder());
        table.setItems(throwaway);
        table.applyCss();
        table.layout();
        table.setItems(real);
        table.getSortOrder().setAll(sortOrder);
    }

    private String paymentWord(String payment) {
        return PaymentWords.shown(texts(), payment);
    }

    private static void bind(TableColumn<TicketRow, String> column, Function<TicketRow, ReadOnlyStringProperty> value) {
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
    }

    private StringConverter<LocalDate> dateConverter() {
        LocalFormats formats = texts().formats();
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return formats.date(date);
            }

            @Override
            public LocalDate fromString(String typed) {
                try {
                    return formats.parseDate(typed);
                } catch (java.time.format.DateTimeParseException e) {
                    return null; // the picker keeps no date rather than a wrong one
                }
            }
        };
    }

    private void installShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFiles);
        keys.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(0);
            searchField.requestFocus();
        });
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportCsv);
        keys.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveDetails);
        keys.put(new KeyCodeCombination(KeyCode.DELETE), () -> {
            if (table.isFocused()) {
                confirmDelete(table.getSelectionModel().getSelectedItem());
            }
        });
        keys.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> {
            // In a text box Ctrl+Z undoes typing (the box handles it); elsewhere it undoes the last saved edit.
            if (!(scene.getFocusOwner() instanceof TextInputControl)) {
                viewModel.undo();
            }
        });
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            showDragging(true);
        }
        event.consume();
    }

    private void showDragging(boolean dragging) {
        dropTarget.getStyleClass().remove("dragging");
        if (dragging) {
            dropTarget.getStyleClass().add("dragging");
        }
        dropHint.setVisible(dragging);
    }

    private void dropped(DragEvent event) {
        boolean accepted = importFrom(event.getDragboard());
        showDragging(false);
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
        chooser.setTitle(texts().get("import.chooserTitle"));
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(
                        texts().get("import.filter"),
                        "*.pdf",
                        "*.PDF",
                        "*.jpg",
                        "*.jpeg",
                        "*.JPG",
                        "*.JPEG",
                        "*.png",
                        "*.PNG"));
        List<File> files = chooser.showOpenMultipleDialog(table.getScene().getWindow());
        if (files != null) {
            viewModel.importFiles(
                    files.stream().map(File::toPath).map(Path::toAbsolutePath).toList());
        }
    }

    @FXML
    private void cancelImport() {
        viewModel.cancelImport();
    }

    /** The next-shop card's shops: the name, and the chance as a bar and in percent. */
    private void showLikelyShops() {
        nextShopBars
                .getChildren()
                .setAll(viewModel.nextShop().likely().stream()
                        .map(shop -> {
                            Label name = new Label(shop.shop());
                            name.getStyleClass().add("shop-name");
                            ProgressBar chance = new ProgressBar(shop.probability());
                            chance.setMaxWidth(Double.MAX_VALUE);
                            HBox.setHgrow(chance, javafx.scene.layout.Priority.ALWAYS);
                            Label percent = new Label(NextShopText.percent(shop) + " %");
                            percent.getStyleClass().add("chance");
                            HBox bar = new HBox(8, chance, percent);
                            bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                            VBox row = new VBox(2, name, bar);
                            row.getStyleClass().add("likely-shop");
                            return row;
                        })
                        .toList());
    }

    @FXML
    private void keepBoth() {
        viewModel.keepBoth(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void addLine() {
        // The new line is the last of the products once the items are read back: edit what it is.
        ListChangeListener<LineRow> focusNew = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends LineRow> change) {
                viewModel.details().items().removeListener(this);
                int last = lastProductLine();
                if (last >= 0) {
                    itemsTable.getSelectionModel().clearAndSelect(last);
                    itemsTable.scrollTo(last);
                    itemsTable.edit(last, itemDescriptionColumn);
                }
            }
        };
        viewModel.details().items().addListener(focusNew);
        viewModel.addLine();
    }

    private int lastProductLine() {
        List<LineRow> lines = viewModel.details().items();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).discount()) {
                return i;
            }
        }
        return -1;
    }

    @FXML
    private void removeLine() {
        viewModel.removeLine(itemsTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void readAgainSelected() {
        viewModel.readAgain(table.getSelectionModel().getSelectedItem());
    }

    /** A ticket in the library that is not waiting or being read: failed, read, or met again. */
    private static boolean canReadAgain(TicketRow row) {
        return row != null
                && row.ticketId() != null
                && row.status() != TicketRow.Status.QUEUED
                && row.status() != TicketRow.Status.READING;
    }

    @FXML
    private void deleteSelected() {
        confirmDelete(table.getSelectionModel().getSelectedItem());
    }

    private void confirmDelete(TicketRow row) {
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(
                Alert.AlertType.CONFIRMATION,
                texts().get(
                                "delete.question",
                                row.shopProperty().get(),
                                row.dateProperty().get(),
                                row.totalProperty().get()),
                ButtonType.OK,
                ButtonType.CANCEL);
        confirm.setHeaderText(texts().get("delete.title"));
        confirm.initOwner(table.getScene().getWindow());
        confirm.showAndWait().filter(answer -> answer == ButtonType.OK).ifPresent(answer -> viewModel.delete(row));
    }

    @FXML
    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts().get("export.title"));
        chooser.setInitialFileName("tickets.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    @FXML
    private void zoomIn() {
        pageViewer.zoomIn();
    }

    @FXML
    private void zoomOut() {
        pageViewer.zoomOut();
    }

    @FXML
    private void fitWidth() {
        pageViewer.fitWidth();
    }

    @FXML
    private void saveDetails() {
        viewModel.saveDetails();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void restartService() {
        host.restartService().run();
    }

    @FXML
    private void showServiceLog() {
        TextArea text = new TextArea(String.join("\n", host.serviceLog().get()));
        text.setEditable(false);
        text.setPrefSize(900, 500);
        Alert dialog = new Alert(Alert.AlertType.INFORMATION);
        dialog.setTitle(texts().get("service.logTitle"));
        dialog.setHeaderText(texts().get("service.logHeader"));
        dialog.getDialogPane().setContent(text);
        dialog.initOwner(table.getScene().getWindow());
        dialog.show();
    }

    public TableView<TicketRow> table() {
        return table;
    }
}
