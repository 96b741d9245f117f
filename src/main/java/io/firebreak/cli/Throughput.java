package io.firebreak.cli;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Single-thread throughput of an operation over sample items, after a JIT warm-up. */
final class Throughput {

    // results go here so the JIT cannot drop the measured work as unused
    private static volatile double sink;

    private Throughput() {}

    /** Items per second over at least two timed seconds. */
    static <T> double perSecond(List<T> items, ToDoubleFunction<T> op) {
        double sum = 0;
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (T item : items) {
                sum += op.applyAsDouble(item);
            }
        }
        long done = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (T item : items) {
                sum += op.applyAsDouble(item);
            }
            done += items.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < 2_000_000_000L);
        sink = sum;
        return done / (elapsed / 1e9);
    }
}
