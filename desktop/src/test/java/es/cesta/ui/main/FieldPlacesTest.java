package es.cesta.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.IntelligenceClient;
import es.cesta.client.OcrResult;
import es.cesta.tickets.LineColumn;
import es.cesta.tickets.TicketField;
import java.util.EnumMap;
import org.junit.jupiter.api.Test;

/** Where the review highlights a field or a line, from the boxes of the service's answer as stored. */
class FieldPlacesTest {

    private static final String ANSWER = """
            {"ticket_id": "6f0c1a52-9d7e-4a83-8f0b-2f7f1f8e0c11", "source": "ocr", "pages": 2,
             "boxes": {"shop": {"page": 0, "left": 0.2, "top": 0.05, "right": 0.8, "bottom": 0.07},
                       "tax_id": {"page": 0, "left": 0.3, "top": 0.08, "right": 0.7, "bottom": 0.09},
                       "date": null, "time": null,
                       "total": {"page": 1, "left": 0.6, "top": 0.4, "right": 0.9, "bottom": 0.42},
                       "items": [{"page": 0, "left": 0.05, "top": 0.3, "right": 0.95, "bottom": 0.31}, null],
                       "discounts": [], "taxes": [{"page": 0, "left": 0.1, "top": 0.7, "right": 0.9, "bottom": 0.71}],
                       "a_later_field": {"page": 0}}}
            """;

    private static LineRow line(boolean discount, int position) {
        return new LineRow(c -> "", discount, position, new EnumMap<>(LineColumn.class), null, null);
    }

    @Test
    void eachFieldAndLineIsFoundWhereTheServiceReadItOnTheFirstPage() throws Exception {
        OcrResult answer = IntelligenceClient.mapper().readValue(ANSWER, OcrResult.class);
        FieldPlaces places = new FieldPlaces(answer.boxes());

        assertEquals(
                0.2, places.ofField(TicketField.SHOP_NAME.key()).orElseThrow().left());
        assertEquals(
                0.3, places.ofField(TicketField.SHOP_TAX_ID.key()).orElseThrow().left());
        assertTrue(places.ofField(TicketField.PURCHASE_DATE.key()).isEmpty(), "read from no printed line");
        assertTrue(places.ofField(TicketField.TOTAL.key()).isEmpty(), "on the second page, which is not shown");
        assertTrue(places.ofField(TicketField.PAYMENT_METHOD.key()).isEmpty());
        assertEquals(0.3, places.ofLine(line(false, 0)).orElseThrow().top());
        assertTrue(places.ofLine(line(false, 1)).isEmpty());
        assertTrue(places.ofLine(line(false, 10_000)).isEmpty(), "a line the person added");
        assertTrue(places.ofLine(line(true, 0)).isEmpty(), "no discount lines");
        assertEquals(0.7, places.ofTax(line(false, 0)).orElseThrow().top());
    }

    @Test
    void anAnswerStoredBeforeBoxesHighlightsNothing() throws Exception {
        OcrResult old = IntelligenceClient.mapper()
                .readValue("{\"ticket_id\": \"6f0c1a52-9d7e-4a83-8f0b-2f7f1f8e0c11\", \"pages\": 1}", OcrResult.class);
        assertNull(old.boxes());
        FieldPlaces places = new FieldPlaces(old.boxes());
        assertTrue(places.ofField(TicketField.TOTAL.key()).isEmpty());
        assertTrue(places.ofLine(line(false, 0)).isEmpty());
    }
}
