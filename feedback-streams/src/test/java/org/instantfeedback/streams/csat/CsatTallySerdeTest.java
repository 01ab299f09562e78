package org.instantfeedback.streams.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CsatTallySerdeTest {
    private final CsatTallySerde serde = new CsatTallySerde();

    @Test
    void a_tally_reads_back_as_written() {
        CsatTally tally = new CsatTally(12, 9, 47, 1_777_777_777_000L);

        byte[] bytes = serde.serializer().serialize("csat.windows.v1-changelog", tally);

        assertThat(serde.deserializer().deserialize("csat.windows.v1-changelog", bytes)).isEqualTo(tally);
    }

    @Test
    void refuses_bytes_of_another_layout_instead_of_misreading_them() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {2, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a CSAT tally");
    }

    @Test
    void null_stays_null_so_tombstones_pass_through() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }
}
