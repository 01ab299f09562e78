package org.instantfeedback.scoring.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The binary form of a {@link TextModel}, the same in a file and on the models topic: gzip of a
 * magic number, the format version, the {@link ModelInfo}, the {@link FeatureLayout}, the
 * temperature and biases, then only the features with a non-zero weight (index as a delta from
 * the previous one, then the three class weights). The same model always gives the same bytes.
 */
public final class TextModelFile {

    static final int MAGIC = 0x4946544d; // "IFTM"
    static final int FORMAT_VERSION = 1;
    private static final int MOST_FACTS = 10_000;
    private static final int MOST_LANGUAGES = 1_000;

    private TextModelFile() {
    }

    public static byte[] toBytes(TextModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            write(model, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(TextModel model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, toBytes(model));
    }

    public static void write(TextModel model, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        writeInfo(model.info(), out);
        FeatureLayout layout = model.layout();
        out.writeInt(layout.schema());
        out.writeInt(layout.hashBits());
        out.writeInt(layout.denseFeatures());
        out.writeFloat(model.temperature());
        for (float b : model.biasView()) {
            out.writeFloat(b);
        }
        float[] weights = model.weightsView();
        out.writeInt(model.activeFeatures());
        int previous = -1;
        for (int f = 0; f < layout.featureCount(); f++) {
            int at = f * ModelClasses.COUNT;
            if (weights[at] != 0 || weights[at + 1] != 0 || weights[at + 2] != 0) {
                writeVarInt(out, f - previous);
                previous = f;
                out.writeFloat(weights[at]);
                out.writeFloat(weights[at + 1]);
                out.writeFloat(weights[at + 2]);
            }
        }
        out.flush();
        gzip.finish();
    }

    /** Reads a model file; errors name the file. */
    public static TextModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read model file: " + e.getMessage(), e);
        }
    }

    public static TextModel fromBytes(byte[] bytes, String source) {
        return read(new ByteArrayInputStream(bytes), source);
    }

    /** Reads a model; {@code source} names where it came from in errors. */
    public static TextModel read(InputStream in, String source) {
        try {
            DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
            if (data.readInt() != MAGIC) {
                throw new ModelFormatException(source + ": not a text model file");
            }
            int format = data.readInt();
            if (format != FORMAT_VERSION) {
                throw new ModelFormatException(source + ": model file format " + format + ", this version reads "
                        + FORMAT_VERSION);
            }
            ModelInfo info = readInfo(data, source);
            FeatureLayout layout = new FeatureLayout(data.readInt(), data.readInt(), data.readInt());
            float temperature = data.readFloat();
            float[] bias = {data.readFloat(), data.readFloat(), data.readFloat()};
            float[] weights = new float[layout.featureCount() * ModelClasses.COUNT];
            int active = data.readInt();
            if (active < 0 || active > layout.featureCount()) {
                throw new ModelFormatException(source + ": " + active + " weighted features in a layout of "
                        + layout.featureCount());
            }
            int feature = -1;
            for (int i = 0; i < active; i++) {
                feature += readVarInt(data, source);
                if (feature >= layout.featureCount()) {
                    throw new ModelFormatException(source + ": feature " + feature + " outside its layout " + layout);
                }
                int at = feature * ModelClasses.COUNT;
                weights[at] = data.readFloat();
                weights[at + 1] = data.readFloat();
                weights[at + 2] = data.readFloat();
            }
            if (data.read() != -1) {
                throw new ModelFormatException(source + ": unexpected bytes after the weights");
            }
            return new TextModel(info, layout, weights, bias, temperature);
        } catch (EOFException e) {
            throw new ModelFormatException(source + ": model file is truncated", e);
        } catch (ZipException e) {
            throw new ModelFormatException(source + ": not a text model file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelFormatException(source + ": cannot read model: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static void writeInfo(ModelInfo info, DataOutputStream out) throws IOException {
        writeString(out, info.version());
        writeString(out, info.parent() == null ? "" : info.parent());
        out.writeLong(info.createdAt().toEpochMilli());
        out.writeInt(info.languages().size());
        for (String language : info.languages()) {
            writeString(out, language);
        }
        out.writeInt(info.facts().size());
        for (var fact : info.facts().entrySet()) {
            writeString(out, fact.getKey());
            writeString(out, fact.getValue());
        }
    }

    private static ModelInfo readInfo(DataInputStream in, String source) throws IOException {
        String version = readString(in, source);
        String parent = readString(in, source);
        Instant createdAt = Instant.ofEpochMilli(in.readLong());
        int languageCount = count(in.readInt(), MOST_LANGUAGES, "languages", source);
        SortedSet<String> languages = new TreeSet<>();
        for (int i = 0; i < languageCount; i++) {
            languages.add(readString(in, source));
        }
        int factCount = count(in.readInt(), MOST_FACTS, "facts", source);
        SortedMap<String, String> facts = new TreeMap<>();
        for (int i = 0; i < factCount; i++) {
            facts.put(readString(in, source), readString(in, source));
        }
        return new ModelInfo(version, parent.isEmpty() ? null : parent, createdAt, languages, facts);
    }

    private static int count(int value, int most, String what, String source) {
        if (value < 0 || value > most) {
            throw new ModelFormatException(source + ": " + value + " " + what + " (at most " + most + ")");
        }
        return value;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in, String source) throws IOException {
        int length = count(readVarInt(in, source), 1 << 20, "bytes in a string", source);
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeVarInt(DataOutputStream out, int value) throws IOException {
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            out.writeByte((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    private static int readVarInt(DataInputStream in, String source) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new ModelFormatException(source + ": malformed number in model file");
    }
}
