package org.instantfeedback.ingest.http;

import io.javalin.http.Context;

/** TwiML documents, and how they answer a Twilio webhook: always 200, since Twilio acts only on the TwiML. */
final class Twiml {
    private static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private Twiml() {
    }

    /** The document whose {@code <Response>} holds {@code verbs} (escaped TwiML); none: {@code <Response/>}. */
    static String document(String verbs) {
        return DECLARATION + (verbs.isEmpty() ? "<Response/>" : "<Response>" + verbs + "</Response>");
    }

    static void answer(Context ctx, String document) {
        ctx.status(200).contentType(CONTENT_TYPE).result(document);
    }
}
