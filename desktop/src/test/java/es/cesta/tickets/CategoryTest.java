package es.cesta.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import es.cesta.ui.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's categories are the contract's, each in a group, each with words in both languages. */
class CategoryTest {

    @Test
    void theCategoriesAreTheContractsKeysInItsOrder() throws Exception {
        Path contract = Path.of(System.getProperty("cesta.serviceDir", "../ocr-service"), "..", "docs", "openapi.json");
        JsonNode keys = new ObjectMapper()
                .readTree(contract.toFile())
                .at("/components/schemas/CategoryExample/properties/category/enum");
        List<String> fromContract = new ArrayList<>();
        keys.forEach(key -> fromContract.add(key.asText()));
        assertEquals(
                fromContract,
                Arrays.stream(Category.values()).map(Category::key).toList());
        assertEquals(
                Category.FRUIT_AND_VEGETABLES, Category.of("Fruta y verdura").orElseThrow());
        assertTrue(Category.of("Unknown section").isEmpty());
    }

    @Test
    void everyCategoryAndGroupHasWordsInEnglishAndSpanishAndEveryGroupIsUsed() {
        for (Texts texts : List.of(Texts.english(), Texts.of("es"))) {
            Arrays.stream(Category.values())
                    .forEach(c -> assertTrue(!texts.get(c.textKey()).isBlank()));
            Arrays.stream(SpendingGroup.values())
                    .forEach(g -> assertTrue(!texts.get(g.textKey()).isBlank()));
        }
        for (SpendingGroup group : SpendingGroup.values()) {
            assertTrue(Arrays.stream(Category.values()).anyMatch(c -> c.group() == group), group.name());
        }
    }
}
