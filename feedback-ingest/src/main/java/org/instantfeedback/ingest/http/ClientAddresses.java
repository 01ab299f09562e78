package org.instantfeedback.ingest.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The address of the client behind a request, for per-client rate limits. The peer address, unless
 * the peer is a trusted proxy: then {@code X-Forwarded-For} is read from the right (the hop nearest
 * to us) and the first address that is not a trusted proxy is the client. Untrusted peers cannot
 * choose their address by sending the header themselves.
 */
public final class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Hops read at most, which bounds the work a long header can cause. */
    private static final int MAX_HOPS = 20;

    private final TrustedProxies trusted;

    public ClientAddresses(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    public String of(Context ctx) {
        return clientOf(ctx.req().getRemoteAddr(), ctx.header(FORWARDED_FOR));
    }

    String clientOf(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = TrustedProxies.literal(peer);
        if (trusted.isEmpty() || peerAddress.isEmpty() || !trusted.trusts(peerAddress.get())
                || forwardedFor == null || forwardedFor.isBlank()) {
            return peerAddress.map(InetAddress::getHostAddress).orElse(peer);
        }
        String[] hops = forwardedFor.split(",");
        String client = peerAddress.get().getHostAddress();
        for (int i = hops.length - 1; i >= 0 && hops.length - i <= MAX_HOPS; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(hops[i]);
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get().getHostAddress();
            if (!trusted.trusts(hop.get())) {
                break;
            }
        }
        return client;
    }
}
