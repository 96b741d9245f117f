package io.firebreak.bench;

import java.time.Duration;

/**
 * CPU time of the two processes a benchmark arm runs on: this JVM (Firebreak and the load
 * generator) and its child processes (the embedded Elasticsearch), as the kernel counts them.
 * Unlike {@link MachineCpu} it leaves out whatever else the shared machine runs meanwhile (other
 * builds, say), which would otherwise be charged to whichever arm it overlapped.
 */
record ProcessCpu(long jvmNanos, long childNanos) {

    static final ProcessCpu ZERO = new ProcessCpu(0, 0);

    static ProcessCpu now() {
        ProcessHandle self = ProcessHandle.current();
        long children = self.descendants().mapToLong(ProcessCpu::cpuNanos).sum();
        return new ProcessCpu(cpuNanos(self), children);
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(jvmNanos - earlier.jvmNanos, childNanos - earlier.childNanos);
    }

    ProcessCpu plus(ProcessCpu other) {
        return new ProcessCpu(jvmNanos + other.jvmNanos, childNanos + other.childNanos);
    }

    double seconds() {
        return (jvmNanos + childNanos) / 1e9;
    }

    double jvmSeconds() {
        return jvmNanos / 1e9;
    }

    double childSeconds() {
        return childNanos / 1e9;
    }
}
