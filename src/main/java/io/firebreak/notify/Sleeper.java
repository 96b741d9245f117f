package io.firebreak.notify;

import java.time.Duration;

/** Waits between retries; injected so tests honour Retry-After without spending real time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
