package es.cesta.ui.spending;

import es.cesta.tickets.CategoryMemory;
import es.cesta.tickets.SpendingGroup;
import es.cesta.tickets.SpendingQueries;
import es.cesta.ui.Categories;
import es.cesta.ui.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/** The Spending tab's controller: draws the view model's bars and price points. */
public final class SpendingView {

    private final SpendingViewModel viewModel;
    private final Supplier<Texts> texts;

    @FXML
    private ChoiceBox<Spending.Period> periodChoice;

    @FXML
    private ChoiceBox<String> currencyChoice;

    @FXML
    private BarChart<String, Number> monthChart;

    @FXML
    private BarChart<String, Number> shopChart;

    @FXML
    private ComboBox<String> productChoice;

    @FXML
    private LineChart<String, Number> priceChart;

    @FXML
    private StackedBarChart<String, Number> categoryChart;

    @FXML
    private Button allCategoriesButton;

    @FXML
    private Label pickedSummary;

    @FXML
    private TableView<CategoryMemory.Line> pickedLines;

    @FXML
    private TableColumn<CategoryMemory.Line, String> lineDateColumn;

    @FXML
    private TableColumn<CategoryMemory.Line, String> lineShopColumn;

    @FXML
    private TableColumn<CategoryMemory.Line, String> lineDescriptionColumn;

    @FXML
    private TableColumn<CategoryMemory.Line, String> lineCategoryColumn;

    @FXML
    private TableColumn<CategoryMemory.Line, String> lineAmountColumn;

    public SpendingView(SpendingViewModel viewModel, Supplier<Texts> texts) {
        this.viewModel = viewModel;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        periodChoice.getItems().setAll(Spending.Period.values());
        periodChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Spending.Period period) {
                return period == null ? "" : texts.get().get(period.textKey());
            }

            @Override
            public Spending.Period fromString(String text) {
                throw new UnsupportedOperationException("the period is picked, not typed");
            }
        });
        periodChoice.valueProperty().bindBidirectional(viewModel.periodProperty());
        bindCurrency();
        plot(monthChart, viewModel.months());
        plot(shopChart, viewModel.shops());
        productChoice.setItems(viewModel.products());
        productChoice.valueProperty().bindBidirectional(viewModel.productProperty());
        Runnable drawPrices = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            viewModel
                    .prices()
                    .forEach(point -> series.getData()
                            .add(new XYChart.Data<>(
                                    point.date() + " " + (point.shop() == null ? "" : point.shop()),
                                    point.unitPrice())));
            priceChart.getData().setAll(List.of(series));
        };
        viewModel.prices().addListener((ListChangeListener<SpendingQueries.PricePoint>) change -> drawPrices.run());
        drawPrices.run();
        bindCategories();
    }

    /** One currency at a time, chosen where the library has more than one; every axis says which. */
    private void bindCurrency() {
        currencyChoice.setItems(viewModel.currencies());
        currencyChoice.valueProperty().bindBidirectional(viewModel.currencyProperty());
        currencyChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : code + " (" + texts.get().formats().symbol(code) + ")";
            }

            @Override
            public String fromString(String text) {
                throw new UnsupportedOperationException("the currency is picked, not typed");
            }
        });
        currencyChoice
                .visibleProperty()
                .bind(javafx.beans.binding.Bindings.size(viewModel.currencies()).greaterThan(1));
        currencyChoice.managedProperty().bind(currencyChoice.visibleProperty());
        Runnable label = () -> {
            String sign = viewModel.currencyProperty().get() == null
                    ? ""
                    : texts.get().formats().symbol(viewModel.currencyProperty().get());
            for (XYChart<String, Number> chart : List.of(monthChart, shopChart, categoryChart, priceChart)) {
                chart.getYAxis().setLabel(sign);
            }
        };
        viewModel.currencyProperty().addListener((property, before, now) -> label.run());
        label.run();
    }

    // Twelve colours told apart at a glance (JavaFX's own palette has eight): one per group, always
    // the same, so that fruit stays green from one month, period or language to the next. Inside an
    // opened group its categories take the palette's colours in turn, starting from the group's.
    private static final List<String> PALETTE = List.of(
            "#4caf50", "#e53935", "#42a5f5", "#c8a165", "#fb8c00", "#26c6da", "#8e24aa", "#78909c", "#ec407a",
            "#6d4c41", "#1a237e", "#bdbdbd");
    private static final Map<SpendingGroup, Integer> FIRST_COLOUR = Map.ofEntries(
            Map.entry(SpendingGroup.FRUIT_AND_VEGETABLES, 0),
            Map.entry(SpendingGroup.MEAT_AND_FISH, 1),
            Map.entry(SpendingGroup.DAIRY_AND_EGGS, 2),
            Map.entry(SpendingGroup.BREAD_AND_CEREALS, 3),
            Map.entry(SpendingGroup.PANTRY, 4),
            Map.entry(SpendingGroup.FROZEN_AND_READY_MEALS, 5),
            Map.entry(SpendingGroup.DRINKS, 6),
            Map.entry(SpendingGroup.HOUSEHOLD, 7),
            Map.entry(SpendingGroup.PERSONAL_CARE_AND_HEALTH, 8),
            Map.entry(SpendingGroup.EATING_OUT, 9),
            Map.entry(SpendingGroup.FUEL, 10),
            Map.entry(SpendingGroup.OTHER, 11));

    private static String colourOf(Spending.Stack stack, int index) {
        int first = FIRST_COLOUR.get(stack.group());
        return PALETTE.get((stack.category() == null ? first : first + index) % PALETTE.size());
    }

    /** The stacked chart per category; a click on a stack opens its group or lists its lines. */
    private void bindCategories() {
        Runnable redraw = () -> {
            List<XYChart.Series<String, Number>> all = new ArrayList<>();
            Map<String, String> colours = new HashMap<>();
            List<Spending.Stack> stacks = viewModel.categories();
            for (int i = 0; i < stacks.size(); i++) {
                Spending.Stack stack = stacks.get(i);
                String colour = colourOf(stack, i);
                colours.put(stack.name(), colour);
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(stack.name());
                for (Spending.Bar bar : stack.months()) {
                    XYChart.Data<String, Number> point = new XYChart.Data<>(bar.label(), bar.amount());
                    point.nodeProperty().addListener((property, before, node) -> clickable(node, stack, colour));
                    series.getData().add(point);
                }
                all.add(series);
            }
            categoryChart.getData().setAll(all);
            Platform.runLater(() -> colourLegend(colours)); // the legend is rebuilt with the series
        };
        viewModel.categories().addListener((ListChangeListener<Spending.Stack>) change -> redraw.run());
        redraw.run();
        allCategoriesButton
                .visibleProperty()
                .bind(viewModel.drilledGroupProperty().isNotNull());
        allCategoriesButton.managedProperty().bind(allCategoriesButton.visibleProperty());
        pickedSummary.textProperty().bind(viewModel.pickedSummaryProperty());
        pickedLines.setItems(viewModel.pickedLines());
        pickedLines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        lineDateColumn.setCellValueFactory(
                cell -> constant(texts.get().formats().date(cell.getValue().date())));
        lineShopColumn.setCellValueFactory(cell -> constant(cell.getValue().shop()));
        lineDescriptionColumn.setCellValueFactory(
                cell -> constant(cell.getValue().description()));
        lineCategoryColumn.setCellValueFactory(
                cell -> constant(Categories.name(texts.get(), Spending.categoryOf(cell.getValue()))));
        lineAmountColumn.setCellValueFactory(
                cell -> constant(texts.get().formats().amount(cell.getValue().amount())));
    }

    private void colourLegend(Map<String, String> colours) {
        for (Node item : categoryChart.lookupAll(".chart-legend-item")) {
            if (item instanceof Labeled label && label.getGraphic() != null && colours.containsKey(label.getText())) {
                label.getGraphic().setStyle("-fx-background-color: " + colours.get(label.getText()) + ";");
            }
        }
    }

    private void clickable(Node node, Spending.Stack stack, String colour) {
        if (node == null) {
            return;
        }
        node.setStyle("-fx-bar-fill: " + colour + ";");
        node.setCursor(Cursor.HAND);
        Tooltip.install(node, new Tooltip(stack.name()));
        node.setOnMouseClicked(event -> viewModel.pick(stack));
    }

    private static ReadOnlyStringWrapper constant(String value) {
        return new ReadOnlyStringWrapper(value == null ? "" : value);
    }

    @FXML
    private void allCategories() {
        viewModel.allCategories();
    }

    /** Keeps a bar chart drawing the bars of the view model's list. */
    private static void plot(BarChart<String, Number> chart, ObservableList<Spending.Bar> bars) {
        Runnable redraw = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            bars.forEach(bar -> series.getData().add(new XYChart.Data<>(bar.label(), bar.amount())));
            chart.getData().setAll(List.of(series));
        };
        bars.addListener((ListChangeListener<Spending.Bar>) change -> redraw.run());
        redraw.run();
    }
}
