package es.cesta.ui.shopping;

import es.cesta.client.NextBasket;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One line of the shopping list: a product the model expects on the next trip (with its rhythm),
 * or one the person added. Ticking it off keeps it on the list, struck, until the list is cleared
 * of ticked lines or a ticket shows it bought.
 */
public final class ListEntry {

    private final String description;
    private final String category;
    private final NextBasket.Due due;
    private final BooleanProperty ticked = new SimpleBooleanProperty();

    private ListEntry(String description, String category, NextBasket.Due due) {
        this.description = description;
        this.category = category;
        this.due = due;
    }

    static ListEntry due(NextBasket.Due due) {
        return new ListEntry(due.description(), due.category(), due);
    }

    static ListEntry own(String description) {
        return new ListEntry(description, null, null);
    }

    public String description() {
        return description;
    }

    /** The category's key (the taxonomy's), null when none is known. */
    public String category() {
        return category;
    }

    /** What the model said of it; null for a line the person added. */
    public NextBasket.Due due() {
        return due;
    }

    public boolean own() {
        return due == null;
    }

    public BooleanProperty tickedProperty() {
        return ticked;
    }
}
