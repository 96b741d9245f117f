package io.firebreak.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Single-thread throughput of an operation over sample items, after a JIT warm-up. Timed in the thread's
 * CPU time, not wall time, so other work on a shared machine does not count against it: the figure is
 * items per second per core.
 */
final class Throughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    // results go here so the JIT cannot drop the measured work as unused
    private static volatile double sink;

    private Throughput() {}

    /** Items per CPU-second, the best of five rounds of at least half a CPU-second each. */
    static <T> double perSecond(List<T> items, ToDoubleFunction<T> op) {
        double sum = 0;
        long warmUntil = cpuNanos() + 2_000_000_000L;
        while (cpuNanos() < warmUntil) {
            for (T item : items) {
                sum += op.applyAsDouble(item);
            }
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long done = 0;
            long start = cpuNanos();
            long elapsed;
            do {
                for (T item : items) {
                    sum += op.applyAsDouble(item);
                }
                done += items.size();
                elapsed = cpuNanos() - start;
            } while (elapsed < 500_000_000L);
            best = Math.max(best, done / (elapsed / 1e9));
        }
        sink = sum;
        return best;
    }

    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
