package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** POST /predict/next-shop: the request (the stored history) and the answer. */
public final class NextShop {

    private NextShop() {}

    public record Visit(String shop, LocalDateTime datetime, BigDecimal total) {}

    public record UserContext(LocalDateTime currentTime, boolean isWeekend) {}

    public record Request(UserContext userContext, List<Visit> purchaseHistorySummary) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Prediction(
            String shop,
            double probability,
            LocalDateTime expectedVisit,
            @JsonProperty("interval_80") List<LocalDateTime> interval80) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Window(
            LocalDateTime expected,
            @JsonProperty("interval_80") List<LocalDateTime> interval80) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(
            List<Prediction> predictions,
            double newShopProbability,
            Window nextVisit,
            String model,
            int historySize,
            String confidence,
            List<String> warnings) {}
}
