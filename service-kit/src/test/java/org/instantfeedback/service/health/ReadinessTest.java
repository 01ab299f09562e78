package org.instantfeedback.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void is_ready_only_when_every_dependency_answers_and_names_those_that_do_not() {
        try (Readiness readiness = readiness(new FixedCheck("kafka", true), new FixedCheck("schemaRegistry", false))) {
            ReadinessReport report = readiness.check();

            assertThat(report.ready()).isFalse();
            assertThat(report.unreachable()).containsExactly("schemaRegistry");
            assertThat(report.reachable()).containsExactly(
                    java.util.Map.entry("kafka", true), java.util.Map.entry("schemaRegistry", false));
        }
    }

    @Test
    void reuses_an_answer_for_the_cache_period_so_probes_do_not_hammer_dependencies() {
        FixedCheck kafka = new FixedCheck("kafka", true);
        try (Readiness readiness = readiness(kafka)) {
            readiness.check();
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
            readiness.check();
            assertThat(kafka.calls).hasValue(1);

            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            kafka.reachable.set(false);
            assertThat(readiness.check().ready()).isFalse();
            assertThat(kafka.calls).hasValue(2);
        }
    }

    @Test
    void counts_a_dependency_that_does_not_answer_in_time_as_unreachable() {
        CountDownLatch never = new CountDownLatch(1);
        DependencyCheck hanging = new DependencyCheck() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public boolean isReachable(Duration timeout) {
                try {
                    return never.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    return false;
                }
            }
        };
        try (Readiness readiness = new Readiness(List.of(hanging), Duration.ofMillis(100), Duration.ofSeconds(1),
                nanos::get)) {
            long start = System.nanoTime();

            assertThat(readiness.check().unreachable()).containsExactly("kafka");
            // The limit is the feature: readiness answers after its 1 s check timeout although the
            // check hangs for a minute.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void counts_a_check_that_throws_as_unreachable() {
        DependencyCheck broken = new FixedCheck("schemaRegistry", true) {
            @Override
            public boolean isReachable(Duration timeout) {
                throw new IllegalStateException("bad answer");
            }
        };
        try (Readiness readiness = readiness(broken)) {
            assertThat(readiness.check().ready()).isFalse();
        }
    }

    private Readiness readiness(DependencyCheck... checks) {
        return new Readiness(List.of(checks), Duration.ofSeconds(1), Duration.ofSeconds(1), nanos::get);
    }

    private static class FixedCheck implements DependencyCheck {
        final String name;
        final AtomicBoolean reachable;
        final AtomicInteger calls = new AtomicInteger();

        FixedCheck(String name, boolean reachable) {
            this.name = name;
            this.reachable = new AtomicBoolean(reachable);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isReachable(Duration timeout) {
            calls.incrementAndGet();
            return reachable.get();
        }
    }
}
