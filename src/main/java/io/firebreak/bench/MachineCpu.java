package io.firebreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine spent busy (Firebreak, Elasticsearch, the load generator, anything else),
 * from the kernel's {@code /proc/stat}. Time stolen by the host's other guests is counted apart: on a
 * shared machine it is what makes wall-clock throughput noisy, and CPU time per mention does not see it.
 */
record MachineCpu(long busyTicks, long idleTicks, long stealTicks) {

    /** The kernel's USER_HZ: /proc/stat counts in hundredths of a second on every Linux of note. */
    static final double TICKS_PER_SECOND = 100;

    static final MachineCpu UNKNOWN = new MachineCpu(-1, -1, -1);

    /** Now, or {@link #UNKNOWN} where there is no {@code /proc/stat}. */
    static MachineCpu now() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    return parse(line);
                }
            }
        } catch (IOException | RuntimeException absent) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    /** {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}; guest time is inside user. */
    static MachineCpu parse(String line) {
        String[] f = line.trim().split("\\s+");
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
        long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
        long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new MachineCpu(user + nice + system + irq + softirq, idle + iowait, steal);
    }

    boolean known() {
        return busyTicks >= 0;
    }

    /** What was spent between {@code earlier} and this. */
    MachineCpu since(MachineCpu earlier) {
        if (!known() || !earlier.known()) {
            return UNKNOWN;
        }
        return new MachineCpu(busyTicks - earlier.busyTicks, idleTicks - earlier.idleTicks, stealTicks - earlier.stealTicks);
    }

    MachineCpu plus(MachineCpu other) {
        if (!known() || !other.known()) {
            return UNKNOWN;
        }
        return new MachineCpu(busyTicks + other.busyTicks, idleTicks + other.idleTicks, stealTicks + other.stealTicks);
    }

    double busySeconds() {
        return known() ? busyTicks / TICKS_PER_SECOND : Double.NaN;
    }

    /** Busy time as a share of all the time counted. */
    double busyShare() {
        return shareOfAll(busyTicks);
    }

    /** Time stolen by the host as a share of all the time counted. */
    double stealShare() {
        return shareOfAll(stealTicks);
    }

    private double shareOfAll(long ticks) {
        long all = busyTicks + idleTicks + stealTicks;
        return known() && all > 0 ? (double) ticks / all : Double.NaN;
    }
}
