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
        java.util.Optional<Rectangle2D> saved = settings.window()
                .filter(place -> !Screen.getScreensForRectangle(place).isEmpty());
        saved.ifPresent(place -> {
            stage.setX(place.getMinX());
            stage.setY(place.getMinY());
            stage.setWidth(place.getWidth());
            stage.setHeight(place.getHeight());
        });
        javafx.scene.Parent root =
                stage.getScene() == null ? null : stage.getScene().getRoot();
        if (saved.isEmpty()
                && root != null
                && opensMaximised(Screen.getPrimary().getVisualBounds(), root.prefWidth(-1), root.prefHeight(-1))) {
            stage.setMaximized(true);
        }
        stage.setOnHiding(event ->
                settings.setWindow(new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())));
    }

    /**
     * The first time (no place saved), a screen smaller than the window's own size gets the window
     * maximised: a window larger than the screen would hide its status bar and buttons.
     */
    static boolean opensMaximised(Rectangle2D screen, double width, double height) {
        return screen.getWidth() < width || screen.getHeight() < height;
    }
}
