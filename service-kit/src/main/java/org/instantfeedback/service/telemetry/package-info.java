/**
 * Telemetry, the figures about the running service (JVM, HTTP requests), as opposed to the
 * business metrics the pipeline computes: one binder for the JVM, one request timer for Javalin,
 * one scrape endpoint.
 */
package org.instantfeedback.service.telemetry;
