package es.cesta.ui.main;

import es.cesta.tickets.Category;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.util.StringConverter;

/**
 * An item's category in the review's table: its name, and on edit a choice among the categories.
 * The cell's value is the stored key; a discount line has no category and cannot be given one.
 */
final class CategoryCell extends TableCell<LineRow, String> {

    private final StringConverter<Category> names;
    private final ComboBox<Category> choice = new ComboBox<>();

    CategoryCell(StringConverter<Category> names, java.util.List<Category> sorted) {
        this.names = names;
        choice.setItems(FXCollections.observableArrayList(sorted));
        choice.setConverter(names);
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setOnAction(event -> {
            if (isEditing() && choice.getValue() != null) {
                commitEdit(choice.getValue().key());
            }
        });
    }

    private boolean discount() {
        return getTableRow() == null
                || getTableRow().getItem() == null
                || getTableRow().getItem().discount();
    }

    @Override
    public void startEdit() {
        if (discount()) {
            return;
        }
        super.startEdit();
        if (isEditing()) {
            choice.setValue(Category.of(getItem()).orElse(null));
            setText(null);
            setGraphic(choice);
            choice.show();
        }
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        show(getItem());
    }

    @Override
    protected void updateItem(String key, boolean empty) {
        super.updateItem(key, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing()) {
            setGraphic(choice);
        } else {
            show(key);
        }
    }

    private void show(String key) {
        setGraphic(null);
        setText(Category.of(key).map(names::toString).orElse(""));
        LineRow line = getTableRow() == null ? null : getTableRow().getItem();
        pseudoClassStateChanged(UNSURE, line != null && unsure(line.categoryConfidence()));
    }

    /** Below this the model's category is shown in amber: the person may want to look at it. */
    static final double SURE = 0.5;

    private static final javafx.css.PseudoClass UNSURE = javafx.css.PseudoClass.getPseudoClass("unsure");

    private static boolean unsure(Double confidence) {
        return confidence != null && confidence < SURE;
    }
}
