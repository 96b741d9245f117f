package io.firebreak.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads, native ones included (GC, JIT compilers), from the kernel's
 * {@code /proc/self/task/<tid>/stat}, grouped by name with numbers folded ({@code vert.x-worker-#}).
 * Where a profile's samples only see Java code, this shows what the GC and the compilers cost.
 */
final class ThreadCpu {

    /** A reading: CPU ticks and (kernel-truncated) name of every live thread, by thread id. */
    record Reading(Map<Long, Long> ticks, Map<Long, String> names) {
        static final Reading EMPTY = new Reading(Map.of(), Map.of());
    }

    private ThreadCpu() {}

    static Reading now() {
        var ticks = new HashMap<Long, Long>();
        var names = new HashMap<Long, String>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    // after the name: state is field 3, utime 14 and stime 15 of the whole line
                    long tid = Long.parseLong(task.getFileName().toString());
                    ticks.put(tid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    names.put(tid, stat.substring(open + 1, close));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException absent) {
            return Reading.EMPTY;
        }
        return new Reading(ticks, names);
    }

    /** CPU ticks spent by each group of threads between two readings. */
    static Map<String, Long> spent(Reading before, Reading after) {
        var byGroup = new TreeMap<String, Long>();
        after.ticks().forEach((tid, ticks) -> {
            long spent = ticks - before.ticks().getOrDefault(tid, 0L);
            if (spent > 0) {
                byGroup.merge(group(after.names().get(tid)), spent, Long::sum);
            }
        });
        return byGroup;
    }

    static Map<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
        var out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** Microseconds per mention of each group, most first. */
    static Map<String, Double> perMention(Map<String, Long> ticks, long mentions) {
        var out = new LinkedHashMap<String, Double>();
        ticks.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), 1e6 * e.getValue() / MachineCpu.TICKS_PER_SECOND / mentions));
        return out;
    }

    static String group(String name) {
        return name == null ? "?" : name.replaceAll("[0-9]+", "#");
    }
}
