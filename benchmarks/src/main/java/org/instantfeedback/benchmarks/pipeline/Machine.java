package org.instantfeedback.benchmarks.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: every figure is only worth something next to it. The load average is
 * read again for each result row, since other work on the machine moves the figures.
 */
record Machine(int cores, long memoryBytes, String cpu, String jvm, String os) {

    static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages as the kernel reports them, or the JVM's 1-minute figure. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s, %s",
                cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), jvm, os);
    }
}
