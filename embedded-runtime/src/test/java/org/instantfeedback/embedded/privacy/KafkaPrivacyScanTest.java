package org.instantfeedback.embedded.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan must find what it looks for, wherever it sits in a record. */
class KafkaPrivacyScanTest {

    @Test
    void finds_a_number_or_an_address_anywhere_in_the_bytes() {
        List<byte[]> needles = PersonalData.tellTales().stream()
                .map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        List<String> findings = new ArrayList<>();

        KafkaPrivacyScan.look(avroLike("call 447700900123 soon"), needles, "digits without +", findings);
        KafkaPrivacyScan.look(avroLike("[phone] 0900123 half masked"), needles, "subscriber part", findings);
        KafkaPrivacyScan.look(avroLike("mail jane.doe@elsewhere.org"), needles, "local part", findings);
        KafkaPrivacyScan.look(avroLike("route 42, [phone], [email]"), needles, "masked", findings);

        assertThat(findings).anyMatch(f -> f.endsWith("in digits without +"))
                .anyMatch(f -> f.endsWith("in subscriber part"))
                .anyMatch(f -> f.endsWith("in local part"))
                .noneMatch(f -> f.endsWith("in masked"));
    }

    @Test
    void knows_every_number_and_address_the_tests_send() {
        assertThat(PersonalData.tellTales()).contains("+447700900123", "447700900123", "0900123", "+4915112345678",
                "017623456789", "jane.doe@example.org", "jane.doe@");
    }

    /** A string the way Avro writes it: a zig-zag length byte, then UTF-8. */
    private static byte[] avroLike(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[utf8.length + 3];
        record[0] = 0x02;
        record[1] = (byte) (utf8.length * 2);
        System.arraycopy(utf8, 0, record, 2, utf8.length);
        return record;
    }
}
