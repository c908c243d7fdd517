package es.cesta.ui.main;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The first page of a stored ticket as an image for the review pane: PDFs rendered with PDFBox,
 * photos and scans read as they are. Slow (tens to hundreds of ms): call it off the FX thread.
 */
final class PageImage {

    // 150 dpi: a 80 mm till roll is ~470 px wide, sharp at twice the review pane's width; more
    // costs render time the person waits for (bench ui measures it).
    private static final float DPI = 150f;
    // A phone photo is shown at most this wide: enough to zoom on a line, a fraction of a 12 MP decode.
    private static final int MAX_PHOTO_WIDTH = 1600;

    private PageImage() {}

    static Image of(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            try (PDDocument document = Loader.loadPDF(file.toFile())) {
                if (document.getNumberOfPages() == 0) {
                    throw new IOException("the PDF has no pages");
                }
                return toFx(new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB));
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            Image image = new Image(in, MAX_PHOTO_WIDTH, 0, true, true);
            if (image.isError()) {
                throw new IOException("not an image JavaFX can show: " + image.getException());
            }
            return image;
        }
    }

    /** Copies the pixels without javafx-swing (one module less in the installed runtime). */
    private static Image toFx(BufferedImage page) {
        int width = page.getWidth();
        int height = page.getHeight();
        int[] pixels = page.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
