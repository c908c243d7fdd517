package es.cesta.tickets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The library's copies of the person's original files, {@code files/<sha256>.<ext>}: one copy per
 * content, so the same ticket dropped twice is recognised by its bytes whatever its name.
 *
 * <p>Invariant: a copy appears under its final name only once complete (each copier writes its own
 * partial file and renames it), so two processes copying the same file in never see half of it.
 */
final class StoredFiles {

    private final Path dataDir;

    StoredFiles(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        Files.createDirectories(dataDir.resolve("files"));
    }

    /** The content's SHA-256, in hex: the file's identity in the library. */
    static String sha256(Path file) throws IOException {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Where the copy of {@code source} with content {@code sha} lives (whether or not it is there yet). */
    Path pathOf(String sha, Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "bin";
        return dataDir.resolve("files").resolve(sha + "." + extension);
    }

    /** Copies {@code source} in unless its content is already there; returns the copy. */
    Path copyIn(Path source, String sha) throws IOException {
        Path stored = pathOf(sha, source);
        if (!Files.exists(stored)) {
            Path partial = stored.resolveSibling(stored.getFileName() + "." + UUID.randomUUID() + ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, stored, StandardCopyOption.ATOMIC_MOVE);
        }
        return stored;
    }

    /** The stored path as the library records it: relative to the data folder, so the folder can move. */
    String recorded(Path stored) {
        return dataDir.relativize(stored).toString();
    }

    Path resolve(String recorded) {
        return dataDir.resolve(recorded);
    }
}
