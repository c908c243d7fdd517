package es.cesta.tickets;

import java.nio.file.Path;

/**
 * A second Cesta process on the same library, as the CLI beside the window would be: opens the
 * library in args[0], registers the file args[1] when given, and prints what happened.
 */
public final class LibraryProcess {

    private LibraryProcess() {}

    public static void main(String[] args) throws Exception {
        try (TicketStore store = TicketStore.open(Path.of(args[0]))) {
            if (args.length > 1) {
                System.out.println(store.register(Path.of(args[1])).duplicate() ? "duplicate" : "new");
            } else {
                System.out.println("opened " + store.all().size());
            }
        }
    }
}
