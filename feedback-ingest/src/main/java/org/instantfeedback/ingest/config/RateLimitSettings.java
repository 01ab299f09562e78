package org.instantfeedback.ingest.config;

/**
 * Token-bucket limits: each key (client address, sender pseudonym) may make {@code burst}
 * requests at once, then {@code perMinute} a minute.
 *
 * @param enabled         false turns every limit off
 * @param clientPerMinute requests per minute from one client address
 * @param clientBurst     requests one client address may make at once
 * @param senderPerMinute messages per minute from one sender (SMS)
 * @param senderBurst     messages one sender may send at once
 * @param maxTracked      most keys tracked per limit; idle keys are forgotten first
 */
public record RateLimitSettings(boolean enabled, int clientPerMinute, int clientBurst, int senderPerMinute,
        int senderBurst, int maxTracked) {
}
