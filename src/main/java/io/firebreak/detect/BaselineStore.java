package io.firebreak.detect;

import java.util.Optional;

/** Keeps baselines across restarts so a restarted engine neither forgets the week nor re-enters warm-up. */
public interface BaselineStore {

    Optional<BaselineSnapshot> load();

    void save(BaselineSnapshot snapshot);

    /** Keeps the last snapshot in memory: backtests and tests. */
    static BaselineStore inMemory() {
        return new BaselineStore() {
            private BaselineSnapshot last;

            @Override
            public synchronized Optional<BaselineSnapshot> load() {
                return Optional.ofNullable(last);
            }

            @Override
            public synchronized void save(BaselineSnapshot snapshot) {
                last = snapshot;
            }
        };
    }
}
