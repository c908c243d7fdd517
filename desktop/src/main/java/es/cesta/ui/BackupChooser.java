package es.cesta.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;

/** Settings, Restore a backup: the backups by date (newest first) and what made each one. */
final class BackupChooser {

    private BackupChooser() {}

    /** One backup as the person sees it in the list. */
    record Entry(Path file, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Optional<Path> choose(Texts texts, List<Path> backups, Window owner) {
        if (backups.isEmpty()) {
            Alert none = new Alert(Alert.AlertType.INFORMATION, texts.get("backup.none"));
            none.initOwner(owner);
            none.setTitle(texts.get("backup.title"));
            none.setHeaderText(null);
            none.showAndWait();
            return Optional.empty();
        }
        List<Entry> entries = backups.stream().map(b -> entry(texts, b)).toList();
        ChoiceDialog<Entry> dialog = new ChoiceDialog<>(entries.get(0), entries);
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("backup.title"));
        dialog.setHeaderText(texts.get("backup.header"));
        dialog.getDialogPane().setId("backupChooser");
        return dialog.showAndWait().map(Entry::file);
    }

    static Entry entry(Texts texts, Path backup) {
        String name = backup.getFileName().toString();
        String why = name.contains("-daily")
                ? texts.get("backup.reason.daily")
                : name.contains("-before-schema")
                        ? texts.get("backup.reason.update")
                        : texts.get("backup.reason.manual");
        return new Entry(backup, texts.get("backup.choice", madeAt(texts, backup), why));
    }

    /** When a backup was made, in the window's language. */
    static String madeAt(Texts texts, Path backup) {
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(texts.locale())
                    .withZone(ZoneId.systemDefault())
                    .format(Files.getLastModifiedTime(backup).toInstant());
        } catch (IOException e) {
            return backup.getFileName().toString();
        }
    }
}
