package es.cesta.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window opens where and as large as the user left it, if that place is still on a screen. */
final class WindowPlacement {

    private static final Preferences PREFS = Preferences.userNodeForPackage(WindowPlacement.class);

    private WindowPlacement() {
    }

    static void restore(Stage stage) {
        double x = PREFS.getDouble("x", Double.NaN);
        double y = PREFS.getDouble("y", Double.NaN);
        double width = PREFS.getDouble("width", Double.NaN);
        double height = PREFS.getDouble("height", Double.NaN);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(width);
            stage.setHeight(height);
        }
        stage.setOnHiding(event -> {
            PREFS.putDouble("x", stage.getX());
            PREFS.putDouble("y", stage.getY());
            PREFS.putDouble("width", stage.getWidth());
            PREFS.putDouble("height", stage.getHeight());
        });
    }
}
