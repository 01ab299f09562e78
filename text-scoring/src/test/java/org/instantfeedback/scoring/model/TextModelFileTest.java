package org.instantfeedback.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextModelFileTest {

    /** A gzip header is 10 bytes; a cut inside it is not yet recognisably a model file. */
    private static final int GZIP_HEADER = 10;

    @TempDir
    Path dir;

    private final TextModel model = SyntheticExamples.model().withInfo(new ModelInfo("op-7", "base-1",
            Instant.parse("2026-02-03T04:05:06.789Z"), new TreeSet<>(List.of("bg", "en", "und")),
            new TreeMap<>(Map.of("held-back.accuracy", "0.9123", "data.sofia", "Трамвай, 12 texts",
                    "empty", ""))));

    @Test
    void a_model_written_and_read_back_has_the_same_weights_and_card() {
        TextModel read = TextModelFile.fromBytes(TextModelFile.toBytes(model), "op-7 record");

        assertThat(read.sameParameters(model)).isTrue();
        assertThat(read.activeFeatures()).isEqualTo(model.activeFeatures()).isPositive();
        assertThat(read.info()).isEqualTo(model.info());
        assertThat(read.info().parent()).isEqualTo("base-1");
        assertThat(read.info().facts()).containsEntry("data.sofia", "Трамвай, 12 texts").containsEntry("empty", "");
    }

    @Test
    void a_base_model_without_a_parent_reads_back_without_one() {
        TextModel base = SyntheticExamples.model();

        TextModel read = TextModelFile.fromBytes(TextModelFile.toBytes(base), "base");

        assertThat(read.info().parent()).isNull();
        assertThat(read.info()).isEqualTo(base.info());
        assertThat(read.sameParameters(base)).isTrue();
    }

    @Test
    void a_model_written_to_a_file_in_a_new_directory_reads_back_from_it() throws IOException {
        Path file = dir.resolve("models/op-7.model");

        TextModelFile.write(model, file);
        TextModel read = TextModelFile.read(file);

        assertThat(read.sameParameters(model)).isTrue();
        assertThat(read.info()).isEqualTo(model.info());
        assertThat(Files.readAllBytes(file)).isEqualTo(TextModelFile.toBytes(model));
    }

    @Test
    void writing_the_same_model_twice_gives_identical_bytes() {
        byte[] first = TextModelFile.toBytes(model);
        byte[] second = TextModelFile.toBytes(model);
        byte[] ofACopy = TextModelFile.toBytes(TextModelFile.fromBytes(first, "copy"));

        assertThat(second).isEqualTo(first);
        assertThat(ofACopy).isEqualTo(first);
    }

    @Test
    void a_truncated_model_is_refused_with_its_source_named() {
        byte[] whole = TextModelFile.toBytes(model);
        int[] cuts = {GZIP_HEADER, GZIP_HEADER + 1, 20, whole.length / 3, whole.length / 2, whole.length - 9,
                whole.length - 8, whole.length - 4, whole.length - 1};

        for (int cut : cuts) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> TextModelFile.fromBytes(part, "models/op-7.model"))
                    .as("cut after %d of %d bytes", cut, whole.length)
                    .isInstanceOf(ModelFormatException.class)
                    .hasMessage("models/op-7.model: model file is truncated");
        }
    }

    @Test
    void a_model_cut_inside_its_gzip_header_is_refused_with_its_source_named() {
        byte[] whole = TextModelFile.toBytes(model);

        for (int cut = 0; cut < GZIP_HEADER; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> TextModelFile.fromBytes(part, "models/op-7.model"))
                    .as("cut after %d bytes", cut)
                    .isInstanceOf(ModelFormatException.class)
                    .message()
                    .startsWith("models/op-7.model: ")
                    .containsAnyOf("model file is truncated", "not a text model file");
        }
    }

    @Test
    void a_truncated_model_file_is_refused_with_its_path() throws IOException {
        byte[] whole = TextModelFile.toBytes(model);
        Path file = dir.resolve("op-7.model");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> TextModelFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(file + ": model file is truncated");
    }

    @Test
    void a_missing_model_file_is_refused_with_its_path() {
        Path file = dir.resolve("missing.model");

        assertThatThrownBy(() -> TextModelFile.read(file))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(file + ": cannot read model file");
    }

    @Test
    void bytes_that_are_not_gzip_are_not_a_text_model_file() {
        byte[] text = "negative\tbus late again\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> TextModelFile.fromBytes(text, "notes.txt"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith("notes.txt: not a text model file");
    }

    @Test
    void a_gzip_stream_with_the_wrong_magic_number_is_not_a_text_model_file() {
        byte[] other = gzip(out -> {
            out.writeInt(0x504b0304);
            out.writeInt(TextModelFile.FORMAT_VERSION);
            out.writeUTF("some other gzip file");
        });

        assertThatThrownBy(() -> TextModelFile.fromBytes(other, "archive.gz"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("archive.gz: not a text model file");
    }

    @Test
    void a_model_of_an_unknown_format_version_says_which_format_it_is_and_which_this_version_reads() {
        // a model as a later version would write it: the same bytes under another format number
        byte[] payload = gunzip(TextModelFile.toBytes(model));
        ByteBuffer.wrap(payload).putInt(4, TextModelFile.FORMAT_VERSION + 1);
        byte[] future = gzip(out -> out.write(payload));

        assertThatThrownBy(() -> TextModelFile.fromBytes(future, "op-8.model"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("op-8.model: model file format " + (TextModelFile.FORMAT_VERSION + 1)
                        + ", this version reads " + TextModelFile.FORMAT_VERSION);
    }

    @Test
    void a_model_with_bytes_after_its_weights_is_refused() {
        byte[] payload = gunzip(TextModelFile.toBytes(model));
        byte[] longer = gzip(out -> {
            out.write(payload);
            out.writeByte(0);
        });

        assertThatThrownBy(() -> TextModelFile.fromBytes(longer, "op-7.model"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("op-7.model: unexpected bytes after the weights");
    }

    @Test
    void a_model_whose_layout_cannot_be_is_refused_with_the_reason() {
        byte[] bad = gzip(out -> {
            out.writeInt(TextModelFile.MAGIC);
            out.writeInt(TextModelFile.FORMAT_VERSION);
            out.writeByte(3); // version "x-1"
            out.write("x-1".getBytes(StandardCharsets.US_ASCII));
            out.writeByte(0); // no parent
            out.writeLong(0L);
            out.writeInt(0); // no languages
            out.writeInt(0); // no facts
            out.writeInt(1);
            out.writeInt(31); // hash bits: more than any layout has
            out.writeInt(0);
        });

        assertThatThrownBy(() -> TextModelFile.fromBytes(bad, "x-1.model"))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage("x-1.model: hashBits must be 8 to 24, got 31");
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
