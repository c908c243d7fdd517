package es.cesta.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window opens where and as large as the user left it, if that place is still on a screen.
 * Kept in the data dir's settings (not java.util.prefs, which writes under the home folder).
 */
final class WindowPlacement {

    private WindowPlacement() {}

    static void restore(Stage stage, Settings settings) {
        settings.window()
                .filter(place -> !Screen.getScreensForRectangle(place).isEmpty())
                .ifPresent(place -> {
                    stage.setX(place.getMinX());
                    stage.setY(place.getMinY());
                    stage.setWidth(place.getWidth());
                    stage.setHeight(place.getHeight());
                });
        stage.setOnHiding(event ->
                settings.setWindow(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }
}
