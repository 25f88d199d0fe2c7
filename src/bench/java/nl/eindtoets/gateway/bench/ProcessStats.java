package nl.eindtoets.gateway.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Resource use of one JVM as seen from inside it: process CPU time (all threads, GC and JIT included), the sum of the
 * heap pools' peak usage since the last reset (an upper bound of the real peak, as pools peak at different moments),
 * the heap in use and committed now, and garbage collection counts.
 */
public record ProcessStats(long cpuNanos, long heapPeakBytes, long heapUsedBytes, long heapCommittedBytes,
                           long heapMaxBytes, long gcCount, long gcMillis) {

    /** Reads this JVM's figures. */
    public static ProcessStats current() {
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new ProcessStats(cpu, peak, heap.getUsed(), heap.getCommitted(), heap.getMax(), gcCount, gcMillis);
    }

    /** Starts a new peak-heap window. */
    public static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }
}
