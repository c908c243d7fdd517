package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    @Test
    void theFirstWindowIsMaximisedOnlyOnAScreenSmallerThanIt() {
        assertTrue(WindowPlacement.opensMaximised(new Rectangle2D(0, 0, 1366, 728), 1280, 800), "a 1366 x 768 laptop");
        assertTrue(WindowPlacement.opensMaximised(new Rectangle2D(0, 0, 1024, 900), 1280, 800));
        assertFalse(WindowPlacement.opensMaximised(new Rectangle2D(0, 0, 1920, 1040), 1280, 800));
    }
}
