package es.cesta.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The window's words in one language (English or Spanish), from {@code es/cesta/ui/messages*.properties}.
 * View models take one, so they never hard-code a sentence; FXML reads the same bundle with {@code %key}.
 */
public final class Texts {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final LocalFormats localFormats;

    private Texts(Locale locale) {
        this.locale = locale;
        this.localFormats = new LocalFormats(locale);
        // No fallback to the JVM's locale: English is the base bundle, Spanish the only other one.
        this.bundle = ResourceBundle.getBundle(
                "es.cesta.ui.messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Spanish for "es", English for anything else. */
    public static Texts of(String language) {
        return new Texts("es".equals(language) ? SPANISH : ENGLISH);
    }

    public static Texts english() {
        return of("en");
    }

    /**
     * The sentence of {@code key}; with arguments it is a MessageFormat pattern ({@code {0}}, and a
     * quote written twice), without arguments it is used as written, as FXML does.
     */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        if (arguments.length == 0) {
            return pattern;
        }
        // Parsing a pattern is the costly part and the summary is re-worded on every import event.
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        synchronized (format) { // a MessageFormat is not thread-safe; view models word things off the FX thread too
            return format.format(arguments);
        }
    }

    /** Dates and amounts in this language, shown and typed. */
    public LocalFormats formats() {
        return localFormats;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }
}
