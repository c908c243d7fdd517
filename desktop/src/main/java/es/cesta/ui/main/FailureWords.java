package es.cesta.ui.main;

import es.cesta.tickets.ImportQueue;
import es.cesta.ui.Texts;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an import failed, in the person's language. The library keeps the reason as it was said
 * (the service's sentence followed by its stable code, "… (unreadable_pdf)", or the queue's own
 * sentence); the window words every known code and sentence from the message files, and shows
 * anything else as it is, without a machine code in the way.
 */
final class FailureWords {

    private static final Pattern CODE_AT_END = Pattern.compile("^(.*) \\(([a-z_]+)\\)$", Pattern.DOTALL);

    // The queue's own reasons (ImportQueue): a sentence each, to its message key.
    private static final Map<String, String> QUEUE_SENTENCES = Map.of(
            ImportQueue.NOT_A_TICKET, "failure.not_a_document",
            ImportQueue.CANCELLED, "failure.cancelled",
            ImportQueue.EMPTY_FILE, "failure.empty_file");

    private FailureWords() {}

    static String of(Texts texts, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String key = QUEUE_SENTENCES.get(reason);
        if (key != null) {
            return texts.get(key);
        }
        if (reason.startsWith(ImportQueue.SERVICE_UNAVAILABLE)) {
            return texts.get("failure.unavailable");
        }
        Matcher coded = CODE_AT_END.matcher(reason);
        if (coded.matches()) {
            String code = "failure." + coded.group(2);
            return texts.bundle().containsKey(code) ? texts.get(code) : coded.group(1);
        }
        return reason;
    }
}
