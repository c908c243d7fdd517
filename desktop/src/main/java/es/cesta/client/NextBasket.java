package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** POST /predict/next-basket (docs/contract.md): the tickets as corrected, and the shopping list. */
public final class NextBasket {

    private NextBasket() {}

    /** {@code quantity}: as printed, null where the ticket printed none. */
    public record Line(String description, String category, BigDecimal quantity) {}

    public record PastTicket(LocalDateTime datetime, String shop, List<Line> items) {}

    public record UserContext(LocalDateTime currentTime) {}

    public record Request(UserContext userContext, List<PastTicket> history, int k) {}

    /** A product likely on the next trip; the rhythm fields are null for a product bought once. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Due(
            String description,
            List<String> spellings,
            String category,
            double probability,
            boolean repeat,
            int timesBought,
            LocalDate lastBought,
            Double everyDays,
            LocalDate due,
            Integer daysOverdue,
            String usualShop) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(
            List<Due> items, String model, int historySize, int products, String reason, List<String> warnings) {}
}
