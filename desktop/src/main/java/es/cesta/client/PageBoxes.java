package es.cesta.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * Where the service read each key field (the {@code boxes} of POST /ocr/process, docs/contract.md):
 * a page and a box on it as shares of the page's width and height from its top left. Items,
 * discounts and taxes are in the answer's order; a field no printed line holds has none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageBoxes(
        Box shop, Box taxId, Box date, Box time, Box total, List<Box> items, List<Box> discounts, List<Box> taxes) {

    public static final PageBoxes NONE = new PageBoxes(null, null, null, null, null, List.of(), List.of(), List.of());

    /** A box on a page: shares (0-1) of its width and height. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Box(int page, double left, double top, double right, double bottom) {}

    /** The box of a line of the answer: kind "item" or "discount", its position in that list. */
    public Optional<Box> line(String kind, int position) {
        return at("discount".equals(kind) ? discounts : items, position);
    }

    public Optional<Box> tax(int position) {
        return at(taxes, position);
    }

    private static Optional<Box> at(List<Box> boxes, int position) {
        return boxes == null || position < 0 || position >= boxes.size()
                ? Optional.empty()
                : Optional.ofNullable(boxes.get(position));
    }
}
