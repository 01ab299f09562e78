package org.instantfeedback.replies.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What a request that got no HTTP answer came to. The line is drawn at the first byte of the request:
 * a failure to resolve the host, to connect or to finish the TLS handshake happens before the client
 * writes anything, so the provider certainly never saw the message ({@link SendResult.NotSent}, safe
 * to retry). Anything later (a read timeout, a connection reset or closed while waiting for the answer)
 * may come after the provider took the message, so it is {@link SendResult.Unknown} and never resent.
 *
 * <p>Relies on the JDK client's behaviour: it does not retry a POST on its own, it reports failures
 * to connect as {@link ConnectException} (an unresolvable host as one caused by
 * {@link UnresolvedAddressException}), and, given a connect timeout, a connection not made in time as
 * {@link HttpConnectTimeoutException}, a subclass of the {@link HttpTimeoutException} it throws when
 * the answer is late, so that one is checked first.
 */
final class UnansweredRequest {
    private UnansweredRequest() {
    }

    static SendResult outcomeOf(IOException failure, String provider) {
        if (failure instanceof HttpConnectTimeoutException) {
            return new SendResult.NotSent("no connection to " + provider + " in time; nothing was sent");
        }
        if (failure instanceof HttpTimeoutException) {
            return new SendResult.Unknown("no answer from " + provider + " in time after the request was sent");
        }
        if (beforeFirstByte(failure)) {
            return new SendResult.NotSent(provider + " unreachable, nothing was sent: " + describe(failure));
        }
        return new SendResult.Unknown("the exchange with " + provider + " broke after the request was sent: "
                + describe(failure));
    }

    private static boolean beforeFirstByte(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                    || cause instanceof UnknownHostException || cause instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
