package es.cesta.tickets;

/**
 * The dozen groups the Spending charts roll the categories up into; each {@link Category} names its
 * group, so this roll-up lives in one place (docs/architecture.md, "Categories"). A group's words
 * are {@code group.<NAME>} in the window's messages.
 */
public enum SpendingGroup {
    FRUIT_AND_VEGETABLES,
    MEAT_AND_FISH,
    DAIRY_AND_EGGS,
    BREAD_AND_CEREALS,
    PANTRY,
    FROZEN_AND_READY_MEALS,
    DRINKS,
    HOUSEHOLD,
    PERSONAL_CARE_AND_HEALTH,
    EATING_OUT,
    FUEL,
    OTHER;

    public String textKey() {
        return "group." + name();
    }
}
