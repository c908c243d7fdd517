package es.cesta.ui.spending;

import es.cesta.tickets.TicketStore;
import es.cesta.ui.Texts;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The Spending tab's controller: draws the view model's bars and price points. */
public final class SpendingView {

    private final SpendingViewModel viewModel;
    private final Supplier<Texts> texts;

    @FXML
    private ChoiceBox<Spending.Period> periodChoice;

    @FXML
    private BarChart<String, Number> monthChart;

    @FXML
    private BarChart<String, Number> shopChart;

    @FXML
    private ComboBox<String> productChoice;

    @FXML
    private LineChart<String, Number> priceChart;

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
        viewModel.prices().addListener((ListChangeListener<TicketStore.PricePoint>) change -> drawPrices.run());
        drawPrices.run();
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
