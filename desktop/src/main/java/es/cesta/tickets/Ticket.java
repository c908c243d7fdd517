package es.cesta.tickets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One imported ticket as the library shows it: the extracted values with the user's corrections applied,
 * and the categories of its lines. {@code currency} is the ISO 4217 code the ticket showed (EUR, MYR),
 * null when it showed none. {@code twinOf} is the earlier ticket this one probably repeats (the
 * same purchase imported from another file), null when none or when the person kept both.
 */
public record Ticket(
        UUID id,
        String fileName,
        String sha256,
        ImportState state,
        String failure,
        String shopName,
        String taxId,
        LocalDate date,
        String time,
        BigDecimal total,
        String currency,
        String paymentMethod,
        int items,
        java.nio.file.Path storedFile,
        boolean corrected,
        java.util.Set<Category> categories,
        java.time.Instant importedAt,
        UUID twinOf) {}
