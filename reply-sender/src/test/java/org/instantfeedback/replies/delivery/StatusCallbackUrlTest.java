package org.instantfeedback.replies.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.instantfeedback.events.ReplyAddress;
import org.instantfeedback.events.ReplyKind;
import org.instantfeedback.events.ReplyRequested;
import org.junit.jupiter.api.Test;

class StatusCallbackUrlTest {

    @Test
    void appends_the_reply_conversation_and_contact_url_encoded() {
        StatusCallbackUrl url = new StatusCallbackUrl(URI.create("https://feedback.example.com/v1/sms/twilio/status"));

        assertThat(url.of(reply("r 1", "c&2", "k=3"))).hasToString(
                "https://feedback.example.com/v1/sms/twilio/status?reply=r+1&conversation=c%262&contact=k%3D3");
    }

    @Test
    void keeps_a_query_the_endpoint_already_has() {
        StatusCallbackUrl url = new StatusCallbackUrl(URI.create("https://feedback.example.com/status?tenant=a"));

        assertThat(url.of(reply("r1", "c2", "k3"))).hasToString(
                "https://feedback.example.com/status?tenant=a&reply=r1&conversation=c2&contact=k3");
    }

    static ReplyRequested reply(String replyId, String conversationId, String contactId) {
        return ReplyRequested.newBuilder()
                .setReplyId(replyId)
                .setConversationId(conversationId)
                .setTo(ReplyAddress.newBuilder().setContactId(contactId).setOperatorNumber("+447700900999")
                        .setKeyId("key-1").setCiphertext(ByteBuffer.wrap(new byte[] {1, 2, 3})).build())
                .setText("Thanks, we are on it")
                .setKind(ReplyKind.REPLY)
                .setRequestedAt(Instant.parse("2026-12-07T10:15:30Z"))
                .build();
    }
}
