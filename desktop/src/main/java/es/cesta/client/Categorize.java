package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** POST /categorize: item lines in, a spending category each out; the person's corrections ride along. */
public final class Categorize {

    private Categorize() {}

    public record Line(String description) {}

    /** A line the person categorised themselves; oldest first, so a later one of the same line wins. */
    public record Example(String description, String category) {}

    public record Request(List<Line> items, List<Example> examples) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String description, String category, double categoryConfidence) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Response(List<Answer> items, String model) {}
}
