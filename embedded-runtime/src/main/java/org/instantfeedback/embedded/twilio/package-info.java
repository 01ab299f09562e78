/**
 * A local stand-in of Twilio's Messages API ({@link org.instantfeedback.embedded.twilio.TwilioApiStandIn}),
 * strict about requests as Twilio documents them, with faults on demand and signed status callbacks,
 * for tests and the local run.
 */
package org.instantfeedback.embedded.twilio;
