package es.cesta.ui.main;

import es.cesta.client.PageBoxes;
import es.cesta.tickets.TicketField;
import java.util.Optional;

/**
 * Where on the first page the service read a field or a line of the ticket under review, for the
 * page viewer to highlight. Only the first page is shown, so a box on another page is not offered;
 * the person's own lines, and fields the service read from no printed line, have none.
 */
final class FieldPlaces {

    private final PageBoxes boxes;

    FieldPlaces(PageBoxes boxes) {
        this.boxes = boxes == null ? PageBoxes.NONE : boxes;
    }

    Optional<PageBoxes.Box> ofField(String fieldKey) {
        PageBoxes.Box box = switch (TicketField.of(fieldKey).orElse(TicketField.PAYMENT_METHOD)) {
            case SHOP_NAME -> boxes.shop();
            case SHOP_TAX_ID -> boxes.taxId();
            case PURCHASE_DATE -> boxes.date();
            case PURCHASE_TIME -> boxes.time();
            case TOTAL -> boxes.total();
            case PAYMENT_METHOD -> null;
        };
        return onFirstPage(Optional.ofNullable(box));
    }

    Optional<PageBoxes.Box> ofLine(LineRow line) {
        return onFirstPage(boxes.line(line.discount() ? "discount" : "item", line.position()));
    }

    Optional<PageBoxes.Box> ofTax(LineRow tax) {
        return onFirstPage(boxes.tax(tax.position()));
    }

    private static Optional<PageBoxes.Box> onFirstPage(Optional<PageBoxes.Box> box) {
        return box.filter(b -> b.page() == 0);
    }
}
