package org.instantfeedback.scoring.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one command: options that take a value ({@code --out FILE}, repeatable),
 * flags ({@code --echo}) and the rest in order. Anything else is a {@link UsageException}.
 */
final class CommandLine {

    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private CommandLine() {
    }

    /** Parses {@code args}, knowing which options take a value and which are flags. */
    static CommandLine parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                line.values.computeIfAbsent(arg, name -> new ArrayList<>()).add(args.get(++i));
            } else if (flagOptions.contains(arg)) {
                line.flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                line.positional.add(arg);
            }
        }
        return line;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> value(String option) {
        List<String> given = values.getOrDefault(option, List.of());
        if (given.size() > 1) {
            throw new UsageException(option + " given " + given.size() + " times");
        }
        return given.stream().findFirst();
    }

    String required(String option) {
        return value(option).orElseThrow(() -> new UsageException(option + " is required"));
    }

    List<String> all(String option) {
        return values.getOrDefault(option, List.of());
    }

    List<String> positional() {
        return positional;
    }

    int integer(String option, int fallback, int lowest, int highest) {
        Optional<String> given = value(option);
        if (given.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(given.get().trim());
            if (value < lowest || value > highest) {
                throw new UsageException(option + " must be " + lowest + " to " + highest + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, got '" + given.get() + "'");
        }
    }

    /** A file the command reads: it must exist and be readable. */
    static Path readable(String name, String what) {
        Path file = Path.of(name);
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + what + " " + file);
        }
        return file;
    }

    /** Bad arguments: the command prints the message and its usage, and exits with 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
