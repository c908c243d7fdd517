package es.cesta.ui;

import es.cesta.tickets.DamagedLibraryException;
import es.cesta.tickets.StoreException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the window shows instead of the library when the library cannot be opened (a damaged file,
 * a disk error): what happened, in words, and the ways out. For a damaged library, restoring the
 * newest backup comes first when there is one, and starting a new library keeps the damaged file
 * aside; for any other trouble (the library locked by another program, a folder that cannot be
 * written) the library is left as it is and the person can try again. Nothing is ever deleted.
 */
public final class LibraryRescue {

    public enum Choice {
        RESTORE_BACKUP,
        START_NEW,
        TRY_AGAIN
    }

    private final Texts texts;
    private final StoreException problem;
    private final Optional<Path> backup;
    // Carries out a choice; answers the reason when it could not be done.
    private final BiFunction<Choice, Optional<Path>, Optional<String>> recover;
    private final Runnable quit;

    public LibraryRescue(
            Texts texts,
            StoreException problem,
            Optional<Path> backup,
            BiFunction<Choice, Optional<Path>, Optional<String>> recover,
            Runnable quit) {
        this.texts = texts;
        this.problem = problem;
        this.backup = backup;
        this.recover = recover;
        this.quit = quit;
    }

    public Parent view() {
        Label title = new Label(texts.get("rescue.title"));
        title.getStyleClass().add("rescue-title");
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        Label what = new Label(problem.getMessage());
        what.setWrapText(true);
        Label intro = new Label(texts.get("rescue.intro"));
        Label outcome = new Label();
        outcome.setId("rescueOutcome");
        outcome.setWrapText(true);
        VBox box = new VBox(12, title, what, intro);
        if (problem instanceof DamagedLibraryException) {
            backup.ifPresent(file -> box.getChildren()
                    .add(choice(
                            "restoreBackupButton",
                            texts.get("rescue.restore", BackupChooser.madeAt(texts, file)),
                            Choice.RESTORE_BACKUP,
                            outcome)));
            box.getChildren().add(choice("startNewButton", texts.get("rescue.new"), Choice.START_NEW, outcome));
        } else {
            box.getChildren().add(choice("tryAgainButton", texts.get("rescue.retry"), Choice.TRY_AGAIN, outcome));
        }
        Button leave = new Button(texts.get("rescue.quit"));
        leave.setId("quitButton");
        leave.setOnAction(e -> quit.run());
        box.getChildren().addAll(leave, outcome);
        box.setPadding(new Insets(24));
        box.setId("libraryRescue");
        return box;
    }

    private Button choice(String id, String text, Choice choice, Label outcome) {
        Button button = new Button(text);
        button.setId(id);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e ->
                recover.apply(choice, backup).ifPresent(reason -> outcome.setText(texts.get("rescue.failed", reason))));
        return button;
    }
}
