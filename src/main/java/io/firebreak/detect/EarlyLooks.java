package io.firebreak.detect;

/**
 * When a growing wave gets an early look, without waiting for its minute to be final: a notable
 * mention always; otherwise the brand's 15-minute negatives (open minute included) reaching the next
 * step, which then grows by half, so a wave gets a handful of looks, not one per mention. The step
 * comes back down as the wave ebbs, so a second wave is looked at early too.
 */
final class EarlyLooks {

    private final int minNegatives;
    private int next = -1;

    /** @param minNegatives the first step: 15-minute negatives from which a brand is looked at early */
    EarlyLooks(int minNegatives) {
        this.minNegatives = minNegatives;
    }

    boolean due(long negatives, boolean notable) {
        if (next < 0 || negatives * 3 < next) {
            next = Math.max(minNegatives, (int) negatives);
        }
        if (negatives < next && !notable) {
            return false;
        }
        next = (int) Math.max(next, Math.ceil(negatives * 1.5));
        return true;
    }
}
