package es.cesta.ui.main;

import es.cesta.tickets.LineColumn;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One editable line of the review's items or VAT table; each column knows its correction key. */
public final class LineRow {

    private final Function<LineColumn, String> fieldOfColumn;
    private final String removalField;
    private final boolean discount;
    private final int position;
    private final Double categoryConfidence;
    private final Map<LineColumn, ReadOnlyStringWrapper> columns = new EnumMap<>(LineColumn.class);

    LineRow(
            Function<LineColumn, String> fieldOfColumn,
            boolean discount,
            int position,
            Map<LineColumn, String> values,
            Double categoryConfidence,
            String removalField) {
        this.fieldOfColumn = fieldOfColumn;
        this.removalField = removalField;
        this.discount = discount;
        this.position = position;
        this.categoryConfidence = categoryConfidence;
        values.forEach((column, value) -> columns.put(column, new ReadOnlyStringWrapper(value == null ? "" : value)));
    }

    public ReadOnlyStringProperty column(LineColumn name) {
        return columns.get(name).getReadOnlyProperty();
    }

    String field(LineColumn column) {
        return fieldOfColumn.apply(column);
    }

    /** The correction key that takes the line off its ticket; null for a VAT row, which stays. */
    String removalField() {
        return removalField;
    }

    public boolean discount() {
        return discount;
    }

    /** Its place among the ticket's items (or discounts, or VAT rows). */
    public int position() {
        return position;
    }

    /** The stored value of a column, "" when it has none. */
    public String value(LineColumn name) {
        ReadOnlyStringWrapper column = columns.get(name);
        return column == null ? "" : column.get();
    }

    /** The model's confidence in the line's category; null for the person's own choice or none. */
    Double categoryConfidence() {
        return categoryConfidence;
    }
}
