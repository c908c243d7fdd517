package es.cesta.ui;

import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;

/** Waits of the window tests that depend on the service reading tickets. */
final class UiWaits {

    private UiWaits() {}

    /** Until the library table shows {@code count} rows, every one read ("done"). */
    static void untilAllRead(TableView<TicketRow> table, int count) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> table.getItems().size() == count
                        && table.getItems().stream()
                                .allMatch(r -> r.stateProperty().get().equals("done")));
    }
}
