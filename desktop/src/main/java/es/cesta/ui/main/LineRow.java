package es.cesta.ui.main;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One editable line of the review's items or VAT table; each column knows its correction key. */
public final class LineRow {

    private final UnaryOperator<String> fieldOfColumn;
    private final boolean discount;
    private final int position;
    private final Map<String, ReadOnlyStringWrapper> columns = new LinkedHashMap<>();

    LineRow(UnaryOperator<String> fieldOfColumn, boolean discount, int position, Map<String, String> values) {
        this.fieldOfColumn = fieldOfColumn;
        this.discount = discount;
        this.position = position;
        values.forEach((column, value) -> columns.put(column, new ReadOnlyStringWrapper(value == null ? "" : value)));
    }

    public ReadOnlyStringProperty column(String name) {
        return columns.get(name).getReadOnlyProperty();
    }

    String field(String column) {
        return fieldOfColumn.apply(column);
    }

    public boolean discount() {
        return discount;
    }

    /** Its place among the ticket's items (or discounts, or VAT rows). */
    public int position() {
        return position;
    }

    /** The stored value of a column, "" when it has none. */
    public String value(String name) {
        ReadOnlyStringWrapper column = columns.get(name);
        return column == null ? "" : column.get();
    }
}
