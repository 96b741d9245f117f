package io.firebreak.detect;

/**
 * When a growing wave gets an early look, without waiting for its minute to be final: a notable
 * mention always; otherwise the brand's 15-minute negatives (open minute included) reaching the next
 * step, which then grows by {@code growth}, so a wave gets a handful of looks, not one per mention. The
 * step comes back down as the wave ebbs (below {@code reset-below} of it), so a second wave is looked at
 * early too. The steps are {@code decisions.early-looks} in thresholds.yaml, read at each call (reloaded).
 */
final class EarlyLooks {

    private int next = -1;

    boolean due(long negatives, boolean notable, Decisions.EarlyLooks steps) {
        if (next < 0 || negatives < next * steps.resetBelow()) {
            next = Math.max(steps.minNegatives(), (int) negatives);
        }
        if (negatives < next && !notable) {
            return false;
        }
        next = (int) Math.max(next, Math.ceil(negatives * steps.growth()));
        return true;
    }
}
