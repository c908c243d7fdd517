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
    private final Map<String, ReadOnlyStringWrapper> columns = new LinkedHashMap<>();

    LineRow(UnaryOperator<String> fieldOfColumn, boolean discount, Map<String, String> values) {
        this.fieldOfColumn = fieldOfColumn;
        this.discount = discount;
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
}
