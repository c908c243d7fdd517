package es.cesta.ui.shopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import es.cesta.client.NextBasket;
import es.cesta.tickets.ShoppingListNotes;
import es.cesta.tickets.SpendingQueries;
import es.cesta.tickets.TicketStore;
import es.cesta.ui.BackgroundTasks;
import es.cesta.ui.Texts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The person's own lines and ticks outlive the window: kept in a real library, read back by the
 * next window. The model's answer is given here (the service's list is tested with the service).
 */
class ShoppingListViewModelTest {

    private static final LocalDate LAST_TRIP = LocalDate.of(2026, 11, 28);

    @TempDir
    Path home;

    private final List<SpendingQueries.BoughtLine> library = new ArrayList<>(List.of(
            new SpendingQueries.BoughtLine("t1", LAST_TRIP, "SUPER", "LECHE ENTERA", "eggs_milk_and_butter", null)));

    private static NextBasket.Due due(String description, double probability) {
        return new NextBasket.Due(
                description,
                List.of(description),
                null,
                probability,
                true,
                4,
                LAST_TRIP,
                7.0,
                LAST_TRIP.plusDays(7),
                0,
                "SUPER");
    }

    private static final NextBasket.Response ANSWER = new NextBasket.Response(
            List.of(due("LECHE ENTERA", 0.9), due("PAN BARRA", 0.7)), "interval", 1, 2, null, List.of());
    // The newest ticket is old: the list is for the trip after it, and says so.
    private static final NextBasket.Response OLD_LIBRARY =
            new NextBasket.Response(ANSWER.items(), "interval", 1, 2, null, List.of("the newest ticket is old"));

    /** A window's list on the library in {@code store}, the service ready and answered. */
    private ShoppingListViewModel window(TicketStore store) {
        return window(store, ANSWER);
    }

    private ShoppingListViewModel window(TicketStore store, NextBasket.Response answer) {
        ShoppingListViewModel list = new ShoppingListViewModel(
                BackgroundTasks.on(Runnable::run, Runnable::run),
                request -> answer,
                () -> library,
                new ShoppingListNotes(store),
                Texts.english());
        list.serviceReady(true);
        return list;
    }

    private static Map<String, Boolean> ticks(ShoppingListViewModel list) {
        return list.entries().stream()
                .collect(Collectors.toMap(
                        ListEntry::description, e -> e.tickedProperty().get()));
    }

    private static ListEntry entry(ShoppingListViewModel list, String description) {
        return list.entries().stream()
                .filter(e -> e.description().equals(description))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ownLinesAndTicksAreThereWhenTheWindowOpensAgain() {
        try (TicketStore store = TicketStore.open(home)) {
            ShoppingListViewModel first = window(store);
            first.add("Velas de cumpleaños");
            first.add("Pilas");
            entry(first, "Pilas").tickedProperty().set(true);
            entry(first, "LECHE ENTERA").tickedProperty().set(true);
        }
        try (TicketStore store = TicketStore.open(home)) {
            ShoppingListViewModel again = window(store);
            assertEquals(
                    Map.of("LECHE ENTERA", true, "PAN BARRA", false, "Velas de cumpleaños", false, "Pilas", true),
                    ticks(again));
        }
    }

    @Test
    void aTickOfTheModelsLineHoldsUntilANewerTicketComesIn() {
        try (TicketStore store = TicketStore.open(home)) {
            entry(window(store), "PAN BARRA").tickedProperty().set(true);
        }
        library.add(new SpendingQueries.BoughtLine(
                "t2", LAST_TRIP.plusDays(3), "SUPER", "PAN BARRA", "bread_and_pastries", null));
        try (TicketStore store = TicketStore.open(home)) {
            assertFalse(ticks(window(store)).get("PAN BARRA"), "a list made after a newer ticket starts unticked");
        }
    }

    @Test
    void theListsWordsFollowTheLanguageChosen() {
        try (TicketStore store = TicketStore.open(home)) {
            ShoppingListViewModel list = window(store, OLD_LIBRARY);
            Texts spanish = Texts.of("es");
            list.useTexts(spanish);
            assertEquals(
                    spanish.get("list.archive", spanish.formats().date(LAST_TRIP)),
                    list.statusProperty().get());
            assertTrue(
                    list.statusProperty().get().contains("28/11/2026"),
                    list.statusProperty().get());
        }
    }

    @Test
    void clearedLinesStayCleared() {
        try (TicketStore store = TicketStore.open(home)) {
            ShoppingListViewModel first = window(store);
            first.add("Pilas");
            entry(first, "Pilas").tickedProperty().set(true);
            first.clearTicked();
        }
        try (TicketStore store = TicketStore.open(home)) {
            assertTrue(new ShoppingListNotes(store).load().isEmpty());
            assertFalse(ticks(window(store)).containsKey("Pilas"));
        }
    }
}
