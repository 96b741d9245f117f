package io.firebreak.detect;

/** The sliding windows every brand is summarised over, ending at the minute just closed. */
public enum Span {
    FIVE_MINUTES(5, "5m"),
    FIFTEEN_MINUTES(15, "15m"),
    SIXTY_MINUTES(60, "60m");

    private final int minutes;
    private final String id;

    Span(int minutes, String id) {
        this.minutes = minutes;
        this.id = id;
    }

    public int minutes() {
        return minutes;
    }

    /** The name rules match on, e.g. {@code BrandWindow( span == "15m" )}. */
    public String id() {
        return id;
    }

    public static Span of(String id) {
        for (Span s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown span '" + id + "' (use 5m, 15m or 60m)");
    }
}
