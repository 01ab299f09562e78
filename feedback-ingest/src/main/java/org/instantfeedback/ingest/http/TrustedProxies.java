package org.instantfeedback.ingest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies and load balancers whose {@code X-Forwarded-For} header is believed: addresses
 * ({@code 10.0.0.7}, {@code ::1}) and networks ({@code 10.0.0.0/8}, {@code fd00::/8}). Nothing is
 * resolved through DNS: only literal addresses are read.
 */
public final class TrustedProxies {
    public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private final List<String> entries;
    private final List<Network> networks;

    private TrustedProxies(List<String> entries, List<Network> networks) {
        this.entries = List.copyOf(entries);
        this.networks = List.copyOf(networks);
    }

    /**
     * @throws IllegalArgumentException naming an entry that is not an address or network
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries) {
            networks.add(Network.parse(entry.strip()));
        }
        return new TrustedProxies(entries, networks);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    public boolean trusts(InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    public List<String> entries() {
        return entries;
    }

    /** An IP address literal, never a host name (which would be looked up in DNS). */
    static Optional<InetAddress> literal(String text) {
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (candidate.isEmpty() || candidate.length() > 45 || !(candidate.indexOf('.') >= 0
                || candidate.indexOf(':') >= 0)) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '.' && c != ':') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "TrustedProxies" + entries;
    }

    private record Network(byte[] address, int prefixLength) {
        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = literal(host).orElseThrow(() -> new IllegalArgumentException(
                    "'" + entry + "' is not an IP address or network like 10.0.0.0/8"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + bits);
                }
            }
            return new Network(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - remainingBits) & 0xFF;
            return (other[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }
}
