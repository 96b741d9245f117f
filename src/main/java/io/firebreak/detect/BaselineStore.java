package io.firebreak.detect;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps baselines across restarts so a restarted service neither forgets the week nor re-enters
 * warm-up. Called off the ingest path (a background saver), never while a brand is being evaluated.
 */
public interface BaselineStore {

    /** Every stored brand's baseline. */
    Map<String, BrandBaseline> load();

    /** Saves the baselines that changed; the others keep what was saved before. */
    void save(Map<String, BrandBaseline> changed);

    /** Keeps them in memory: backtests and tests. */
    static BaselineStore inMemory() {
        return new BaselineStore() {
            private final Map<String, BrandBaseline> kept = new HashMap<>();

            @Override
            public synchronized Map<String, BrandBaseline> load() {
                return Map.copyOf(kept);
            }

            @Override
            public synchronized void save(Map<String, BrandBaseline> changed) {
                kept.putAll(changed);
            }
        };
    }
}
