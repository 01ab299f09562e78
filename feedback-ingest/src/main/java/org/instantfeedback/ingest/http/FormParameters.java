package org.instantfeedback.ingest.http;

import java.io.ByteArrayOutputStream;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.ingest.http.RejectedRequestException.Reason;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} body, in order and with repeated
 * names kept (a Twilio signature covers every one). Decoding is strict: a broken percent escape
 * is refused as {@link Reason#MALFORMED_FORM}, bytes that are not UTF-8 as
 * {@link Reason#INVALID_ENCODING};
 * nothing is silently replaced. Linear in the size of the body.
 */
public final class FormParameters {
    private final List<Map.Entry<String, String>> entries;

    private FormParameters(List<Map.Entry<String, String>> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FormParameters parse(byte[] body) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    entries.add(pair(body, start, i));
                }
                start = i + 1;
            }
        }
        return new FormParameters(entries);
    }

    private static Map.Entry<String, String> pair(byte[] body, int start, int end) {
        int equals = start;
        while (equals < end && body[equals] != '=') {
            equals++;
        }
        String name = decode(body, start, equals);
        String value = equals < end ? decode(body, equals + 1, end) : "";
        return new SimpleImmutableEntry<>(name, value);
    }

    private static String decode(byte[] body, int start, int end) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw new RejectedRequestException(Reason.MALFORMED_FORM,
                            "a % in the form body is not followed by two hex digits");
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new RejectedRequestException(Reason.MALFORMED_FORM,
                            "a % in the form body is not followed by two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return BoundedBody.utf8(bytes.toByteArray(), "the form body");
    }

    /** Every parameter, in the order sent. */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The first value of the first of {@code names} that is present. */
    public Optional<String> firstOf(String... names) {
        for (String name : names) {
            Optional<String> value = first(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
