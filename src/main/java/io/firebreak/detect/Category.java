package io.firebreak.detect;

/** The crisis categories of the taxonomy, as dense indexes so per-minute buckets count them in arrays. */
public enum Category {
    SAFETY("safety"),
    OUTAGE("outage"),
    DATA_PRIVACY("data-privacy"),
    CUSTOMER_SERVICE("customer-service"),
    LEGAL("legal"),
    PRODUCT_QUALITY("product-quality"),
    PRICING("pricing"),
    CONDUCT("conduct"),
    OTHER("other");

    static final int COUNT = values().length;
    private static final Category[] ALL = values();

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
        if (id == null) {
            return OTHER;
        }
        return switch (id) {
            case "safety" -> SAFETY;
            case "outage" -> OUTAGE;
            case "data-privacy" -> DATA_PRIVACY;
            case "customer-service" -> CUSTOMER_SERVICE;
            case "legal" -> LEGAL;
            case "product-quality" -> PRODUCT_QUALITY;
            case "pricing" -> PRICING;
            case "conduct" -> CONDUCT;
            default -> OTHER;
        };
    }
}
