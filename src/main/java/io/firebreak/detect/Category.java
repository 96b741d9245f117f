package io.firebreak.detect;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The crisis categories of the taxonomy ({@code config/categories.yaml}), as dense indexes so per-minute
 * buckets count them in arrays. A category configured there but not listed here counts as {@link #OTHER}
 * in the windows: {@code CategoryTaxonomyTest} keeps the two lists the same.
 */
public enum Category {
    VIOLENCE("violence"),
    SAFETY("safety"),
    TAMPERING("tampering"),
    DATA_PRIVACY("data-privacy"),
    TRANSPORT("transport"),
    NATURAL_DISASTER("natural-disaster"),
    OUTAGE("outage"),
    MISINFORMATION("misinformation"),
    LEGAL("legal"),
    MISCONDUCT("misconduct"),
    PRODUCT_QUALITY("product-quality"),
    CONDUCT("conduct"),
    PRICING("pricing"),
    CUSTOMER_SERVICE("customer-service"),
    OTHER("other");

    static final int COUNT = values().length;
    private static final Category[] ALL = values();
    private static final Map<String, Category> BY_ID =
            Arrays.stream(ALL).collect(Collectors.toUnmodifiableMap(Category::id, Function.identity()));

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    static Category at(int index) {
        return ALL[index];
    }

    /** Unknown or missing ids count as {@link #OTHER}: the taxonomy may grow before detection learns of it. */
    public static Category of(String id) {
        return id == null ? OTHER : BY_ID.getOrDefault(id, OTHER);
    }
}
