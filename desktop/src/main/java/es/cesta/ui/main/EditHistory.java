package es.cesta.ui.main;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The corrections saved in this session, newest last, each with what its fields held before. */
final class EditHistory {

    /** One save: the ticket and, per field, the correction it had before (null: none). */
    record Edit(UUID ticketId, Map<String, String> before) {}

    private final Deque<Edit> edits = new ArrayDeque<>();

    synchronized void record(Edit edit) {
        if (!edit.before().isEmpty()) {
            edits.push(edit);
        }
    }

    synchronized Optional<Edit> takeLast() {
        return Optional.ofNullable(edits.poll());
    }

    synchronized boolean isEmpty() {
        return edits.isEmpty();
    }
}
