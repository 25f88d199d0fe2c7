package nl.eindtoets.gateway.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the in-process micro benchmarks time with: the thread's CPU time, and the median of their rounds. */
final class MicroTiming {

    private MicroTiming() {
    }

    /** CPU nanoseconds the current thread has used. */
    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
