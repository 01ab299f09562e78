package org.instantfeedback.ingest.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.ingest.feedback.FeedbackValidator;
import org.instantfeedback.ingest.feedback.SupportedScale;
import org.instantfeedback.ingest.privacy.PhoneNumbers;

/**
 * Reads SMS rules files: UTF-8 text, one rule per line, blank lines and lines starting with
 * {@code #} ignored. A line is a directive and its arguments:
 *
 * <pre>
 * pattern route {n}                         -&gt; route-{n}
 * pattern #{n}                              -&gt; route-{n}
 * alias   Central Station | Hauptbahnhof    -&gt; branch-central
 * number  +44 20 7946 0000                  -&gt; branch-london
 * allow   route-* branch-central
 * survey-scale stars-5
 * </pre>
 *
 * Subjects (after {@code ->}) follow the rules of every subject: letters, digits, spaces and
 * {@code - _ . : #}, at most 64 characters. A mistake stops start-up with a message naming the
 * file and the line.
 */
public final class SmsRulesFile {
    static final String BUILT_IN_RESOURCE = "default-sms-rules.txt";
    static final String BUILT_IN_SOURCE = "built-in SMS rules";
    static final int MAX_BYTES = 1_048_576;
    static final int MAX_LINE_LENGTH = 1_000;
    private static final String ARROW = "->";

    private SmsRulesFile() {
    }

    /** Reads and checks the file at {@code path}. */
    public static SmsRules load(Path path) {
        String source = path.toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw new InvalidSmsRulesException(source, "no such file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new InvalidSmsRulesException(source, "larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InvalidSmsRulesException(source, "cannot be read: " + e.getMessage());
        }
        return parse(source, utf8(source, bytes));
    }

    static SmsRules builtIn() {
        try (InputStream in = SmsRulesFile.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN_RESOURCE + " is missing from the class path");
            }
            return parse(BUILT_IN_SOURCE, utf8(BUILT_IN_SOURCE, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + BUILT_IN_RESOURCE, e);
        }
    }

    private static String utf8(String source, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSmsRulesException(source, "is not UTF-8 text");
        }
    }

    /** Parses rules from {@code content}; {@code source} names it in error messages. */
    public static SmsRules parse(String source, String content) {
        Parser parser = new Parser(source);
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        return parser.rules();
    }

    /** The state of one parse; each line is checked as it is read, so errors name their line. */
    private static final class Parser {
        private final String source;
        private final List<SubjectRule> rules = new ArrayList<>();
        private final Map<String, String> subjectByNumber = new HashMap<>();
        private final Map<String, Integer> lineOfNumber = new HashMap<>();
        private final List<String> allowed = new ArrayList<>();
        private SupportedScale surveyScale;
        private int surveyScaleLine;
        private final FeedbackValidator subjects = new FeedbackValidator();

        Parser(String source) {
            this.source = source;
        }

        void line(int number, String raw) {
            if (raw.length() > MAX_LINE_LENGTH) {
                throw fail(number, "the line is longer than " + MAX_LINE_LENGTH + " characters");
            }
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            int space = indexOfWhitespace(line);
            String directive = space < 0 ? line : line.substring(0, space);
            String arguments = space < 0 ? "" : line.substring(space).strip();
            switch (directive) {
                case "pattern" -> pattern(number, arguments);
                case "alias" -> alias(number, arguments);
                case "number" -> number(number, arguments);
                case "allow" -> allow(number, arguments);
                case "survey-scale" -> surveyScale(number, arguments);
                default -> throw fail(number, "unknown directive '" + directive
                        + "'; expected pattern, alias, number, allow or survey-scale");
            }
        }

        private void pattern(int line, String arguments) {
            String[] parts = mapping(line, arguments, "pattern route {n} -> route-{n}");
            SubjectPattern pattern;
            try {
                pattern = SubjectPattern.compile(parts[0], parts[1]);
            } catch (IllegalArgumentException e) {
                throw fail(line, e.getMessage());
            }
            checkSubject(line, pattern.sampleSubject(), parts[1]);
            rules.add(pattern);
        }

        private void alias(int line, String arguments) {
            String[] parts = mapping(line, arguments, "alias Central Station | HBF -> branch-central");
            List<String> names = new ArrayList<>();
            for (String name : parts[0].split("\\|", -1)) {
                if (name.isBlank()) {
                    throw fail(line, "an alias name is empty; separate names with |");
                }
                names.add(name.strip());
            }
            String subject = checkSubject(line, parts[1], parts[1]);
            rules.add(new SubjectAlias(names, subject));
        }

        private void number(int line, String arguments) {
            String[] parts = mapping(line, arguments, "number +44 20 7946 0000 -> branch-london");
            String phone = PhoneNumbers.normalise(parts[0]);
            if (!phone.matches("\\+?[0-9]{3,15}")) {
                throw fail(line, "'" + parts[0] + "' is not a phone number (digits, optionally with + and spaces)");
            }
            Integer earlier = lineOfNumber.putIfAbsent(phone, line);
            if (earlier != null) {
                throw fail(line, "the number is already mapped on line " + earlier);
            }
            subjectByNumber.put(phone, checkSubject(line, parts[1], parts[1]));
        }

        private void allow(int line, String arguments) {
            if (arguments.isEmpty()) {
                throw fail(line, "allow needs one or more subjects, like 'allow route-42 branch-*'");
            }
            for (String entry : arguments.split("[\\s,]+")) {
                String subject = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
                if (!subject.isEmpty()) {
                    checkSubject(line, subject, entry);
                }
                allowed.add(entry);
            }
        }

        private void surveyScale(int line, String arguments) {
            if (surveyScale != null) {
                throw fail(line, "survey-scale is already set on line " + surveyScaleLine);
            }
            Optional<SupportedScale> scale = arguments.isEmpty() ? Optional.empty()
                    : SupportedScale.byWireName(arguments);
            surveyScale = scale.orElseThrow(() -> fail(line, "survey-scale must be one of "
                    + SupportedScale.wireNames() + ", not '" + arguments + "'"));
            surveyScaleLine = line;
        }

        private String[] mapping(int line, String arguments, String example) {
            int arrow = arguments.lastIndexOf(ARROW);
            if (arrow < 0) {
                throw fail(line, "expected '<what> -> <subject>', like '" + example + "'");
            }
            String left = arguments.substring(0, arrow).strip();
            String right = arguments.substring(arrow + ARROW.length()).strip();
            if (left.isEmpty() || right.isEmpty()) {
                throw fail(line, "both sides of -> must be given, like '" + example + "'");
            }
            return new String[] {left, right};
        }

        private String checkSubject(int line, String subject, String shown) {
            return subjects.acceptedSubject(subject).orElseThrow(() -> fail(line, "'" + shown
                    + "' is not a valid subject: 1 to " + FeedbackValidator.SUBJECT_MAX_LENGTH
                    + " letters, digits, spaces and - _ . : #"));
        }

        private InvalidSmsRulesException fail(int line, String problem) {
            return new InvalidSmsRulesException(source, line, problem);
        }

        SmsRules rules() {
            return new SmsRules(source, rules, subjectByNumber, allowed,
                    surveyScale == null ? SupportedScale.DEFAULT : surveyScale);
        }

        private static int indexOfWhitespace(String line) {
            for (int i = 0; i < line.length(); i++) {
                if (Character.isWhitespace(line.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
