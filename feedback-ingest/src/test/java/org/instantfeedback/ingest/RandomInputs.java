package org.instantfeedback.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Seeded input generation for the property tests: random strings over a character set, bounded
 * lengths, picks from lists. Every property draws its inputs from one {@link Random} seeded per
 * test class; the seed is printed and can be overridden with {@code -Dproperty.seed=...}, and a
 * failing try reports the seed, the try number and the input, so the failure reproduces.
 *
 * <p>Lengths and characters lean a little towards the edges (empty, longest, NUL, lone surrogates,
 * no-break space), as the failures the properties found so far were there.
 */
public final class RandomInputs {
    public static final String SEED_PROPERTY = "property.seed";
    private static final char[] EDGE_CHARS = {'\u0000', ' ', 'a', '0', '\u00A0', '\u0301', '\uD800', '\uDFFF',
        '\uFFFF', '\n'};

    private final String testName;
    private final long seed;
    private final Random random;

    private RandomInputs(String testName, long seed) {
        this.testName = testName;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** Inputs for one property of {@code testClass}: the class's default seed unless {@code property.seed} is set. */
    public static RandomInputs seeded(Class<?> testClass, String property, long defaultSeed) {
        String override = System.getProperty(SEED_PROPERTY);
        long seed = override == null || override.isBlank() ? defaultSeed : Long.parseLong(override.strip());
        String testName = testClass.getSimpleName() + "." + property;
        System.out.println(testName + ": seed " + seed + " (override with -D" + SEED_PROPERTY + "=<seed>)");
        return new RandomInputs(testName, seed);
    }

    public long seed() {
        return seed;
    }

    /**
     * Draws {@code tries} inputs and checks the property on each; a failing try (an assertion or
     * any other exception) fails with the seed, the try number and the input in its message.
     */
    public <T> void forAll(int tries, Supplier<T> inputs, Consumer<T> property) {
        for (int i = 1; i <= tries; i++) {
            T input = inputs.get();
            try {
                property.accept(input);
            } catch (Throwable failure) {
                AssertionError error = new AssertionError(String.format(
                        "%s failed on try %d of %d with seed %d (rerun with -D%s=%d)%n  input: %s%n  failure: %s",
                        testName, i, tries, seed, SEED_PROPERTY, seed, describe(input), failure), failure);
                throw error;
            }
        }
    }

    /** A number from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** A length from {@code min} to {@code max}, with the bounds themselves drawn more often. */
    public int length(int min, int max) {
        int edge = random.nextInt(20);
        if (edge == 0) {
            return min;
        }
        if (edge == 1) {
            return max;
        }
        return between(min, max);
    }

    public boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    public long anyLong() {
        return random.nextLong();
    }

    /** Any finite double: edges, small numbers and anything up to the largest. */
    public double anyDouble() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(0.0, -0.0, 1.0, -1.0, 0.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                    -Double.MAX_VALUE, 1e-300, 9007199254740993.0);
            case 1 -> (random.nextDouble() - 0.5) * 2_000;
            default -> {
                double value;
                do {
                    value = Double.longBitsToDouble(random.nextLong());
                } while (Double.isNaN(value) || Double.isInfinite(value));
                yield value;
            }
        };
    }

    /** The characters from {@code from} to {@code to}, both included, as a character set. */
    public static String charRange(char from, char to) {
        StringBuilder chars = new StringBuilder(to - from + 1);
        for (char c = from; c <= to && c >= from; c++) {
            chars.append(c);
            if (c == Character.MAX_VALUE) {
                break;
            }
        }
        return chars.toString();
    }

    /** A string of up to {@code maxLength} characters from {@code chars}. */
    public String string(String chars, int maxLength) {
        return string(chars, 0, maxLength);
    }

    /** A string of {@code minLength} to {@code maxLength} characters from {@code chars}. */
    public String string(String chars, int minLength, int maxLength) {
        int length = length(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.charAt(random.nextInt(chars.length())));
        }
        return text.toString();
    }

    /** A string of up to {@code maxLength} of any UTF-16 code units, lone surrogates included. */
    public String anyString(int maxLength) {
        return anyString(0, maxLength);
    }

    /** A string of {@code minLength} to {@code maxLength} of any UTF-16 code units, lone surrogates included. */
    public String anyString(int minLength, int maxLength) {
        int length = length(minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? EDGE_CHARS[random.nextInt(EDGE_CHARS.length)]
                    : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Up to {@code maxSize} arbitrary bytes. */
    public byte[] bytes(int maxSize) {
        byte[] bytes = new byte[length(0, maxSize)];
        random.nextBytes(bytes);
        return bytes;
    }

    @SafeVarargs
    public final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    public <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The value of one of {@code generators}, each chosen equally often. */
    @SafeVarargs
    public final <T> T oneOf(Supplier<? extends T>... generators) {
        return generators[random.nextInt(generators.length)].get();
    }

    /** A list of up to {@code maxSize} elements. */
    public <T> List<T> list(int maxSize, Supplier<T> element) {
        int size = length(0, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** The input as text a failure message can show: byte arrays in full, invisible characters escaped. */
    public static String describe(Object input) {
        String text;
        if (input instanceof byte[] bytes) {
            text = "bytes" + Arrays.toString(bytes);
        } else if (input instanceof Object[] values) {
            text = Arrays.deepToString(values);
        } else if (input instanceof String string) {
            text = '"' + string + '"';
        } else {
            text = String.valueOf(input);
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c >= 0xFFF0) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
