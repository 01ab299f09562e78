/**
 * Liveness and readiness served one way for every service; each service gives its own
 * {@link org.instantfeedback.service.health.ReadinessProbe}.
 */
package org.instantfeedback.service.health;
