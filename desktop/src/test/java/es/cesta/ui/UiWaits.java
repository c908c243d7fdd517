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

    /**
     * Until the library table shows {@code count} rows, every one read ("done"). The bound runs from
     * the last row read, not from the start: on a machine whose cores are busy with other work the
     * service (at nice 5) reads a scan in tens of seconds, so a fixed bound for a whole batch
     * fails a window that is still making progress, while a stuck import still fails the test.
     */
    static void untilAllRead(TableView<TicketRow> table, int count) throws TimeoutException {
        long read = readRows(table);
        while (table.getItems().size() != count || read < count) {
            long before = read;
            try {
                WaitForAsyncUtils.waitFor(
                        TestServices.SERVICE_BOUND_S,
                        TimeUnit.SECONDS,
                        () -> readRows(table) > before
                                || (table.getItems().size() == count && readRows(table) == count));
            } catch (TimeoutException e) {
                throw new AssertionError(
                        "no ticket read for " + TestServices.SERVICE_BOUND + "; the rows say "
                                + table.getItems().stream()
                                        .map(r -> r.stateProperty().get())
                                        .toList(),
                        e);
            }
            read = readRows(table);
        }
    }

    private static long readRows(TableView<TicketRow> table) {
        return table.getItems().stream()
                .filter(r -> r.stateProperty().get().equals("done"))
                .count();
    }

    /** Until the Shopping list tab shows at least {@code rows} lines; returns its box of lines. */
    static javafx.scene.layout.VBox untilListShown(org.testfx.api.FxRobot robot, int rows) throws TimeoutException {
        javafx.scene.layout.VBox list = robot.lookup("#listBox").queryAs(javafx.scene.layout.VBox.class);
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> list.getChildren().stream()
                                .filter(n -> n.getStyleClass().contains("list-row"))
                                .count()
                        >= rows);
        return list;
    }
}
