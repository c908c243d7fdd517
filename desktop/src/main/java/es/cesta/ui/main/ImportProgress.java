package es.cesta.ui.main;

import es.cesta.tickets.ImportQueue;
import es.cesta.tickets.ImportState;
import es.cesta.ui.Texts;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's "3 of 10 files" for the import run under way, from the queue's events (on the
 * FX thread).
 *
 * <p>Invariants: a file counts once in a run, however many events it sends (queued, reading, a
 * retry); it counts as finished once, when it ends; a run that ended is forgotten when the next
 * file arrives, so a Retry after an import reads "1 of 1", never "2 of 1".
 */
public final class ImportProgress {

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final Set<UUID> inRun = new HashSet<>();
    private final Set<UUID> ended = new HashSet<>();
    private int files;
    private int finished;

    /** One event of the queue; {@link #render} shows the counts. */
    void count(ImportQueue.Event event) {
        if (files > 0 && finished == files) { // the last run is over: this file starts a new one
            inRun.clear();
            ended.clear();
            files = 0;
            finished = 0;
        }
        UUID id = event.ticketId();
        if (id == null) { // refused before it was stored: it starts and ends at once
            files++;
            finished++;
            return;
        }
        if (inRun.add(id)) {
            files++;
        }
        boolean terminal = event.state() == ImportState.DONE || event.state() == ImportState.FAILED;
        if (terminal && ended.add(id)) {
            finished++;
        } else if (!terminal && ended.remove(id)) { // read again within the same run
            finished--;
        }
    }

    void render(Texts texts) {
        fraction.set(files == 0 ? 0 : (double) finished / files);
        text.set(files == 0 ? "" : texts.get("import.progress", finished, files));
        importing.set(finished < files);
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** True while files of the current run are still waiting or being read. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }
}
