package es.cesta.tickets;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The spending categories the service answers, by their canonical key (the supermarket catalogue's
 * section names in Spanish, plus four for what is not groceries: docs/contract.md), each in the
 * {@link SpendingGroup} the charts roll it up into. A category's words are {@code category.<NAME>}.
 */
public enum Category {
    OIL_SPICES_AND_SAUCES("Aceite, especias y salsas", SpendingGroup.PANTRY),
    WATER_AND_SOFT_DRINKS("Agua y refrescos", SpendingGroup.DRINKS),
    SNACKS("Aperitivos", SpendingGroup.PANTRY),
    RICE_PULSES_AND_PASTA("Arroz, legumbres y pasta", SpendingGroup.PANTRY),
    SUGAR_SWEETS_AND_CHOCOLATE("Azúcar, caramelos y chocolate", SpendingGroup.PANTRY),
    BABY("Bebé", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    WINE_AND_BEER("Bodega", SpendingGroup.DRINKS),
    COCOA_COFFEE_AND_TEA("Cacao, café e infusiones", SpendingGroup.PANTRY),
    MEAT("Carne", SpendingGroup.MEAT_AND_FISH),
    CEREALS_AND_BISCUITS("Cereales y galletas", SpendingGroup.BREAD_AND_CEREALS),
    COLD_CUTS_AND_CHEESE("Charcutería y quesos", SpendingGroup.MEAT_AND_FISH),
    FROZEN("Congelados", SpendingGroup.FROZEN_AND_READY_MEALS),
    TINS_STOCKS_AND_SOUPS("Conservas, caldos y cremas", SpendingGroup.PANTRY),
    HAIR_CARE("Cuidado del cabello", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    FACE_AND_BODY_CARE("Cuidado facial y corporal", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    HERBAL_AND_PARAPHARMACY("Fitoterapia y parafarmacia", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    FRUIT_AND_VEGETABLES("Fruta y verdura", SpendingGroup.FRUIT_AND_VEGETABLES),
    EGGS_MILK_AND_BUTTER("Huevos, leche y mantequilla", SpendingGroup.DAIRY_AND_EGGS),
    CLEANING_AND_HOUSEHOLD("Limpieza y hogar", SpendingGroup.HOUSEHOLD),
    MAKE_UP("Maquillaje", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    FISH_AND_SEAFOOD("Marisco y pescado", SpendingGroup.MEAT_AND_FISH),
    PETS("Mascotas", SpendingGroup.HOUSEHOLD),
    BREAD_AND_PASTRIES("Panadería y pastelería", SpendingGroup.BREAD_AND_CEREALS),
    PIZZAS_AND_READY_MEALS("Pizzas y platos preparados", SpendingGroup.FROZEN_AND_READY_MEALS),
    DESSERTS_AND_YOGHURTS("Postres y yogures", SpendingGroup.DAIRY_AND_EGGS),
    JUICES("Zumos", SpendingGroup.DRINKS),
    FUEL("Combustible", SpendingGroup.FUEL),
    RESTAURANT_AND_CAFE("Restaurante y cafetería", SpendingGroup.EATING_OUT),
    PHARMACY("Farmacia", SpendingGroup.PERSONAL_CARE_AND_HEALTH),
    OTHER("Otros", SpendingGroup.OTHER);

    private static final Map<String, Category> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Category::key, Function.identity()));

    private final String key;
    private final SpendingGroup group;

    Category(String key, SpendingGroup group) {
        this.key = key;
        this.group = group;
    }

    /** The canonical key: what the service answers and the library stores. */
    public String key() {
        return key;
    }

    public SpendingGroup group() {
        return group;
    }

    public String textKey() {
        return "category." + name();
    }

    /** The category of a stored or answered key; empty for none or for a key this version does not know. */
    public static Optional<Category> of(String key) {
        return Optional.ofNullable(key).map(BY_KEY::get);
    }
}
