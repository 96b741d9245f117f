package io.firebreak.store;

import io.firebreak.detect.BaselineSnapshot;
import io.firebreak.detect.BaselineStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Baselines kept in Elasticsearch, so a restart neither forgets the week nor re-enters warm-up.
 *
 * <p>The engine saves at every event-time hour; importing two weeks of history takes seconds and
 * would mean hundreds of writes, so a snapshot is written at most every {@code interval} of wall
 * time, and the last one on {@link #close()}.
 */
public final class ElasticBaselines implements BaselineStore, AutoCloseable {

    private static final String ID = "baselines";
    private final StateDocuments state;
    private final Clock clock;
    private final Duration interval;
    private BaselineSnapshot pending;
    private Instant lastWrite = Instant.MIN;

    public ElasticBaselines(StateDocuments state, Clock clock, Duration interval) {
        this.state = state;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public synchronized Optional<BaselineSnapshot> load() {
        return pending != null ? Optional.of(pending) : state.get(ID, BaselineSnapshot.class);
    }

    @Override
    public synchronized void save(BaselineSnapshot snapshot) {
        pending = snapshot;
        Instant now = clock.instant();
        if (!now.isBefore(lastWrite.plus(interval))) {
            write(now);
        }
    }

    /** Writes the newest snapshot if it has not been written yet. */
    @Override
    public synchronized void close() {
        if (pending != null) {
            write(clock.instant());
        }
    }

    private void write(Instant now) {
        state.put(ID, pending);
        pending = null;
        lastWrite = now;
    }
}
