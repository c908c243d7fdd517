package es.cesta.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class LocalFormatsTest {

    private final LocalFormats spanish = Texts.of("es").formats();
    private final LocalFormats english = Texts.english().formats();

    @Test
    void spanishWritesDayFirstWithSlashesAndADecimalComma() {
        assertEquals("28/11/2026", spanish.date(LocalDate.of(2026, 11, 28)));
        assertEquals("1.234,56", spanish.amount(new BigDecimal("1234.56")));
        assertEquals("657,88", spanish.amount(new BigDecimal("657.88")));
        assertEquals("-0,40", spanish.amount(new BigDecimal("-0.4")));
        assertEquals("0,350", spanish.number("0.350"));
        assertEquals("2", spanish.number("2"));
        assertEquals("", spanish.amount(null));
        assertEquals("", spanish.date(null));
    }

    @Test
    void englishWritesTheMonthsNameAndADecimalPoint() {
        assertEquals("28 Nov 2026", english.date(LocalDate.of(2026, 11, 28)));
        assertEquals("1,234.56", english.amount(new BigDecimal("1234.56")));
        assertEquals("0.350", english.number("0.350"));
    }

    @Test
    void moneyCarriesItsCurrencysSignWhereTheLanguagePutsIt() {
        assertEquals("1.234,56\u00A0€", spanish.money(new BigDecimal("1234.56"), "EUR"));
        assertEquals("€1,234.56", english.money(new BigDecimal("1234.56"), "EUR"));
        assertEquals("MYR\u00A012.00", english.money(new BigDecimal("12"), "MYR"));
        assertEquals("12,00", spanish.money(new BigDecimal("12"), null), "no currency shown: the amount alone");
        assertEquals("XYZ", english.symbol("XYZ"));
    }

    @Test
    void spanishReadsWhatASpanishPersonTypes() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertEquals(day, spanish.parseDate("28/11/2026"));
        assertEquals(day, spanish.parseDate(" 28-11-2026 "));
        assertEquals(day, spanish.parseDate("28.11.2026"));
        assertEquals(day, spanish.parseDate("28/11/26"));
        assertEquals(day, spanish.parseDate("2026-11-28"));
        assertEquals(LocalDate.of(2026, 3, 5), spanish.parseDate("5/3/2026"));
        assertNull(spanish.parseDate("  "));
        assertEquals(new BigDecimal("1234.56"), spanish.parseNumber("1.234,56"));
        assertEquals(new BigDecimal("1234"), spanish.parseNumber("1.234"));
        assertEquals(new BigDecimal("12.5"), spanish.parseNumber("12,5"));
        assertEquals(new BigDecimal("12.50"), spanish.parseNumber("12.50 €"));
        assertEquals(new BigDecimal("-0.40"), spanish.parseNumber("-0,40"));
        assertNull(spanish.parseNumber(""));
    }

    @Test
    void englishReadsWhatAnEnglishPersonTypes() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertEquals(day, english.parseDate("28 Nov 2026"));
        assertEquals(day, english.parseDate("28 nov 2026"));
        assertEquals(day, english.parseDate("28/11/2026"));
        assertEquals(new BigDecimal("1234.56"), english.parseNumber("1,234.56"));
        assertEquals(new BigDecimal("1234"), english.parseNumber("1,234"));
        assertEquals(new BigDecimal("12.50"), english.parseNumber("12,50"));
    }

    @Test
    void whatIsNotADateOrANumberIsRefused() {
        assertThrows(DateTimeParseException.class, () -> spanish.parseDate("31/02/2026"));
        assertThrows(DateTimeParseException.class, () -> spanish.parseDate("mañana"));
        assertThrows(NumberFormatException.class, () -> spanish.parseNumber("uno"));
        assertThrows(NumberFormatException.class, () -> spanish.parseNumber("1,2,3"));
    }
}
