/**
 * The HTTP side of sending a reply: an {@link org.instantfeedback.replies.provider.SmsProvider} per SMS
 * provider (Twilio's Messages API, a generic gateway's outbound webhook), each turning one attempt into a
 * {@link org.instantfeedback.replies.provider.SendResult} that says whether the reply may be retried.
 * An outcome the sender cannot know is never "not sent": no passenger gets the same reply twice.
 */
package org.instantfeedback.replies.provider;
