package org.instantfeedback.service.health;

/** What a service checks before it takes traffic; {@link HealthEndpoints} serves the answer. */
@FunctionalInterface
public interface ReadinessProbe {

    /**
     * The answer right now. A probe may also throw a problem
     * ({@link org.instantfeedback.service.problem.ProblemException}) for the service's problem
     * mapper to answer.
     */
    ProbeAnswer probe();
}
