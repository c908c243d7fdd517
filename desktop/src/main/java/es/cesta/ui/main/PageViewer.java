package es.cesta.ui.main;

import es.cesta.client.PageBoxes;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The page of the ticket under review, zoomable and pannable, with the box of the field in focus
 * drawn over it.
 *
 * <p>Invariants: the zoom is relative to the page fitted to the pane's width (1 = fit width) and
 * stays within {@link #MIN_ZOOM}..{@link #MAX_ZOOM}; the highlight is drawn from page-relative
 * shares, so it stays on its print at any zoom; a new highlight is scrolled into the middle of the
 * view, and a zoom keeps the point under the pointer (or the highlight, or the view's centre) in view.
 */
final class PageViewer {

    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 6;
    // One step of the buttons, the keys and a wheel notch.
    static final double ZOOM_STEP = 1.25;
    // Room around a highlighted line, in pixels on screen: the box hugs the print.
    private static final double HIGHLIGHT_MARGIN = 3;

    private final ScrollPane scroll;
    private final ImageView view;
    private final Rectangle mark = new Rectangle();
    private final Pane sheet;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final ObjectProperty<PageBoxes.Box> highlight = new SimpleObjectProperty<>();

    PageViewer(ScrollPane scroll, ImageView view) {
        this.scroll = scroll;
        this.view = view;
        mark.getStyleClass().add("page-highlight");
        mark.setMouseTransparent(true);
        mark.setManaged(false);
        sheet = new Pane(view, mark);
        scroll.setContent(new Group(sheet));
        scroll.setFitToWidth(false);
        scroll.setPannable(true);
        scroll.viewportBoundsProperty().addListener((o, was, now) -> layOut());
        view.imageProperty().addListener((o, was, now) -> layOut());
        zoom.addListener((o, was, now) -> layOut());
        highlight.addListener((o, was, now) -> {
            layOut();
            reveal();
        });
        // Ctrl + wheel zooms, as in a browser or a PDF reader; the wheel alone scrolls a long ticket.
        scroll.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.isShortcutDown() || event.isControlDown()) {
                zoomAt(event.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, event.getX(), event.getY());
                event.consume();
            }
        });
        scroll.addEventHandler(ZoomEvent.ZOOM, event -> {
            zoomAt(event.getZoomFactor(), event.getX(), event.getY());
            event.consume();
        });
        scroll.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    ObjectProperty<PageBoxes.Box> highlightProperty() {
        return highlight;
    }

    void zoomIn() {
        zoomStep(ZOOM_STEP);
    }

    void zoomOut() {
        zoomStep(1 / ZOOM_STEP);
    }

    /** A step of the buttons or the keys: about the highlight when there is one, else the view's centre. */
    private void zoomStep(double factor) {
        if (mark.isVisible()) {
            zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
            reveal();
        } else {
            zoomAt(factor, Double.NaN, Double.NaN);
        }
    }

    void fitWidth() {
        zoom.set(1);
        reveal();
    }

    /** The highlight as laid out on the page (for tests and screenshots): null when none is shown. */
    Rectangle mark() {
        return mark.isVisible() ? mark : null;
    }

    private void onKey(KeyEvent event) {
        if (event.getCode() == KeyCode.PLUS || event.getCode() == KeyCode.ADD || event.getCode() == KeyCode.EQUALS) {
            zoomIn();
        } else if (event.getCode() == KeyCode.MINUS || event.getCode() == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (event.getCode() == KeyCode.DIGIT0 || event.getCode() == KeyCode.NUMPAD0) {
            fitWidth();
        } else {
            return;
        }
        event.consume();
    }

    /** Zooms by a factor keeping the page point under (x, y) of the viewport still (NaN: the centre). */
    private void zoomAt(double factor, double x, double y) {
        Bounds viewport = scroll.getViewportBounds();
        double px = Double.isNaN(x) ? viewport.getWidth() / 2 : x;
        double py = Double.isNaN(y) ? viewport.getHeight() / 2 : y;
        double oldWidth = sheet.getPrefWidth();
        double oldHeight = sheet.getPrefHeight();
        // The share of the page under the point, before the zoom.
        double shareX = oldWidth <= 0 ? 0.5 : (offset(true) + px) / oldWidth;
        double shareY = oldHeight <= 0 ? 0.5 : (offset(false) + py) / oldHeight;
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
        scrollTo(shareX * sheet.getPrefWidth() - px, shareY * sheet.getPrefHeight() - py);
    }

    private void layOut() {
        Image image = view.getImage();
        double fit = Math.max(50, scroll.getViewportBounds().getWidth() - 2);
        double width = fit * zoom.get();
        view.setFitWidth(width);
        double height = image == null || image.getWidth() == 0 ? 0 : width * image.getHeight() / image.getWidth();
        sheet.setPrefSize(width, height);
        sheet.setMinSize(width, height);
        sheet.setMaxSize(width, height);
        PageBoxes.Box box = highlight.get();
        mark.setVisible(box != null && image != null);
        if (box != null) {
            mark.setX(box.left() * width - HIGHLIGHT_MARGIN);
            mark.setY(box.top() * height - HIGHLIGHT_MARGIN);
            mark.setWidth((box.right() - box.left()) * width + 2 * HIGHLIGHT_MARGIN);
            mark.setHeight((box.bottom() - box.top()) * height + 2 * HIGHLIGHT_MARGIN);
        }
    }

    /** Scrolls the highlight into the middle of the view. */
    private void reveal() {
        PageBoxes.Box box = highlight.get();
        if (box == null || view.getImage() == null) {
            return;
        }
        Bounds viewport = scroll.getViewportBounds();
        double middleX = (box.left() + box.right()) / 2 * sheet.getPrefWidth();
        double middleY = (box.top() + box.bottom()) / 2 * sheet.getPrefHeight();
        scrollTo(middleX - viewport.getWidth() / 2, middleY - viewport.getHeight() / 2);
    }

    /** Scrolls so that the page point (left, top) is at the viewport's top left, within the page. */
    private void scrollTo(double left, double top) {
        scroll.layout();
        Bounds viewport = scroll.getViewportBounds();
        double roomX = sheet.getPrefWidth() - viewport.getWidth();
        double roomY = sheet.getPrefHeight() - viewport.getHeight();
        scroll.setHvalue(roomX <= 0 ? 0 : clamp(left / roomX) * scroll.getHmax());
        scroll.setVvalue(roomY <= 0 ? 0 : clamp(top / roomY) * scroll.getVmax());
    }

    /** The page's pixels scrolled out of view to the left (horizontal) or the top. */
    private double offset(boolean horizontal) {
        Bounds viewport = scroll.getViewportBounds();
        double room =
                horizontal ? sheet.getPrefWidth() - viewport.getWidth() : sheet.getPrefHeight() - viewport.getHeight();
        double value = horizontal ? scroll.getHvalue() / scroll.getHmax() : scroll.getVvalue() / scroll.getVmax();
        return Math.max(0, room) * value;
    }

    private static double clamp(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
