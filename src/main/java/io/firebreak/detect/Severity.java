package io.firebreak.detect;

/** How bad a crisis is, most severe first: {@code SEV1 < SEV2 < SEV3} in natural order. */
public enum Severity {
    SEV1, SEV2, SEV3;

    /** True when this is more severe than {@code other}. */
    public boolean above(Severity other) {
        return compareTo(other) < 0;
    }

    /** The more severe of the two. */
    public static Severity worst(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
