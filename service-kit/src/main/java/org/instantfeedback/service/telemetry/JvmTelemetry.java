package org.instantfeedback.service.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The JVM and process figures every service publishes (class loading, memory, threads, garbage
 * collection, CPU, uptime, open files), bound to a registry in one call. Close it with the service:
 * the garbage-collection meters listen to the JVM until closed.
 */
public final class JvmTelemetry implements AutoCloseable {
    private final JvmGcMetrics gcMetrics;

    private JvmTelemetry(JvmGcMetrics gcMetrics) {
        this.gcMetrics = gcMetrics;
    }

    public static JvmTelemetry bindTo(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        return new JvmTelemetry(gcMetrics);
    }

    @Override
    public void close() {
        gcMetrics.close();
    }
}
