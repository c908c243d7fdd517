package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.service.ServiceState;
import es.cesta.service.TestServices;
import es.cesta.ui.main.TicketRow;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a real X display (Xvfb under ./cesta test, GTK glass, not Monocle), filled with
 * 20 real tickets, captured from the screen into target/screenshots/ for a reviewer to look at.
 * The checks are on the captured pixels: what is on screen, not what the scene graph believes.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    private CestaApp app;
    private Stage stage;

    @Start
    void start(Stage window) throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "needs an X display: ./cesta test runs this under Xvfb");
        Path home = Files.createTempDirectory("cesta-shots");
        System.setProperty("cesta.home", home.toString());
        System.setProperty("cesta.serviceDir", TestServices.SERVICE_DIR.toString());
        stage = window;
        app = new CestaApp();
        app.init();
        app.start(window);
        window.setX(0);
        window.setY(0);
        window.setWidth(1280);
        window.setHeight(800);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get(TestServices.SERVICE_BOUND_S, TimeUnit.SECONDS);
    }

    @Test
    void theMainScreensAsAPersonSeesThem(FxRobot robot) throws Exception {
        assertTrue(app.supervisor().awaitState(ServiceState.READY, TestServices.SERVICE_BOUND));
        List<Path> tickets;
        try (Stream<Path> files = Files.list(TestServices.ES_DEV)) {
            tickets = files.filter(p -> p.toString().endsWith(".pdf"))
                    .sorted()
                    .limit(20)
                    .toList();
        }
        ClipboardContent content = new ClipboardContent();
        content.putFiles(
                tickets.stream().map(Path::toFile).map(File::getAbsoluteFile).toList());
        robot.interact(() -> {
            Clipboard.getSystemClipboard().setContent(content);
            assertTrue(app.mainView().importFrom(Clipboard.getSystemClipboard()));
        });
        TableView<TicketRow> table = app.mainView().table();
        UiWaits.untilAllRead(table, 20);
        robot.interact(() -> table.getSelectionModel().select(0));
        ImageView page = robot.lookup("#pageView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.getImage() != null);
        WaitForAsyncUtils.waitFor(
                TestServices.SERVICE_BOUND_S,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#nextShopBars")
                        .queryAs(javafx.scene.layout.VBox.class)
                        .getChildren()
                        .isEmpty());
        double light = capture(robot, "tickets.png");
        showTotalOnZoomedPage(robot);
        capture(robot, "review-total.png");

        showSpending(robot);
        capture(robot, "spending.png");
        openLargestGroup(robot);
        capture(robot, "spending-group.png");
        showShoppingList(robot);
        capture(robot, "list.png");
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));

        choose(robot, "Dark");
        double dark = capture(robot, "tickets-dark.png");
        assertTrue(dark < light - 40, "the dark theme is darker on screen: " + dark + " vs " + light);
        showTotalOnZoomedPage(robot);
        capture(robot, "review-total-dark.png");
        showSpending(robot);
        capture(robot, "spending-dark.png");
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        choose(robot, "Light");
        choose(robot, "Español");
        capture(robot, "tickets-es.png");
        MenuButton ajustes = (MenuButton) robot.lookup("#settingsButton").query();
        robot.interact(ajustes::show);
        capture(robot, "settings-es.png", MENU_ROOM);
        robot.interact(ajustes::hide);
        showTotalOnZoomedPage(robot);
        capture(robot, "review-total-es.png");
        assertEquals("Fecha", app.mainView().table().getColumns().get(0).getText());
        showSpending(robot);
        capture(robot, "spending-es.png");
        openLargestGroup(robot);
        capture(robot, "spending-group-es.png");
        showShoppingList(robot);
        capture(robot, "list-es.png");

        choose(robot, "Oscuro");
        capture(robot, "spending-es-dark.png");
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        capture(robot, "tickets-es-dark.png");
        showTotalOnZoomedPage(robot);
        capture(robot, "review-total-es-dark.png");
        Path inbox = Files.createTempDirectory("cesta-inbox");
        robot.interact(() -> app.mainView().watchFolder(inbox));
        MenuButton settings = (MenuButton) robot.lookup("#settingsButton").query();
        robot.interact(settings::show);
        capture(robot, "settings-es-dark.png", MENU_ROOM);
        assertTrue(settings.getItems().stream()
                .anyMatch(item -> item.getText() != null
                        && item.getText().contains(inbox.getFileName().toString())));
        robot.interact(settings::hide);
        choose(robot, "English");
        choose(robot, "Light");
        MenuButton english = (MenuButton) robot.lookup("#settingsButton").query(); // the window was rebuilt
        robot.interact(english::show);
        capture(robot, "settings.png", MENU_ROOM);
        robot.interact(english::hide);
        choose(robot, "Dark");
        MenuButton darkSettings = (MenuButton) robot.lookup("#settingsButton").query();
        robot.interact(darkSettings::show);
        capture(robot, "settings-dark.png", MENU_ROOM);
        robot.interact(darkSettings::hide);
    }

    /**
     * The review of a Mercadona ticket with its total in focus: the page zoomed in twice and the
     * total's line highlighted where the service read it, scrolled into view.
     */
    private void showTotalOnZoomedPage(FxRobot robot) throws Exception {
        TableView<TicketRow> table = app.mainView().table();
        int row = table.getItems().stream()
                .filter(r -> r.file().getFileName().toString().startsWith("mercadona"))
                .map(table.getItems()::indexOf)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
        });
        ImageView page = robot.lookup("#pageView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> page.getImage() != null);
        robot.clickOn("#fitWidthButton");
        robot.clickOn("#totalField");
        robot.clickOn("#zoomInButton");
        robot.clickOn("#zoomInButton");
        javafx.scene.shape.Rectangle mark = robot.lookup(".page-highlight").queryAs(javafx.scene.shape.Rectangle.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, mark::isVisible);
    }

    /** The Shopping list tab, once its lines are laid out under their categories. */
    private void showShoppingList(FxRobot robot) throws Exception {
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        UiWaits.untilListShown(robot, 10);
    }

    /** The Spending tab over every ticket, once its per-category chart is drawn. */
    @SuppressWarnings("unchecked")
    private void showSpending(FxRobot robot) throws Exception {
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#periodChoice")
                .queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(es.cesta.ui.spending.Spending.Period.ALL));
        javafx.scene.control.Button back = robot.lookup("#allCategoriesButton").queryButton();
        if (back.isVisible()) {
            robot.clickOn(back); // a group opened before the language changed: every group again
        }
        javafx.scene.chart.StackedBarChart<String, Number> chart =
                robot.lookup("#categoryChart").queryAs(javafx.scene.chart.StackedBarChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getData().size() >= 5);
    }

    /** Clicks the largest group's tallest bar: the chart opens it into its categories and lists its lines. */
    @SuppressWarnings("unchecked")
    private void openLargestGroup(FxRobot robot) throws Exception {
        javafx.scene.chart.StackedBarChart<String, Number> chart =
                robot.lookup("#categoryChart").queryAs(javafx.scene.chart.StackedBarChart.class);
        javafx.scene.Node bar = chart.getData().get(0).getData().stream()
                .max(java.util.Comparator.comparingDouble(d -> d.getYValue().doubleValue()))
                .orElseThrow()
                .getNode();
        robot.clickOn(bar);
        TableView<?> lines = robot.lookup("#pickedLines").queryTableView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !lines.getItems().isEmpty());
    }

    private void choose(FxRobot robot, String item) {
        robot.interact(() -> ((MenuButton) robot.lookup("#settingsButton").query())
                .getItems().stream()
                        .flatMap(menu -> ((Menu) menu).getItems().stream())
                        .filter(choice -> item.equals(choice.getText()))
                        .findFirst()
                        .orElseThrow()
                        .fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    // The Settings menu opens at the window's right edge and reaches past it.
    private static final double MENU_ROOM = 300;

    private double capture(FxRobot robot, String name) throws Exception {
        return capture(robot, name, 0);
    }

    /**
     * Saves the window's pixels as shown on the screen, with {@code extraWidth} more of the screen on
     * its right (for a menu that opens past the window); returns their mean brightness (0-255).
     */
    private double capture(FxRobot robot, String name, double extraWidth) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let the last layout reach the X server
        Image[] shot = new Image[1];
        robot.interact(() -> shot[0] = new Robot()
                .getScreenCapture(
                        null,
                        new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth() + extraWidth, stage.getHeight())));
        int width = (int) shot[0].getWidth();
        int height = (int) shot[0].getHeight();
        int[] pixels = new int[width * height];
        shot[0].getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        Path folder = Path.of(System.getProperty("cesta.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        ImageIO.write(image, "png", folder.resolve(name).toFile());
        long sum = 0;
        long distinct =
                java.util.Arrays.stream(pixels).limit(200_000).distinct().count();
        for (int argb : pixels) {
            sum += ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
        }
        assertTrue(distinct > 50, name + " is nearly blank: " + distinct + " colours");
        return sum / (3.0 * pixels.length);
    }
}
