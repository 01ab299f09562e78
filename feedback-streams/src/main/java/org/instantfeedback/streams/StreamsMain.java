package org.instantfeedback.streams;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.instantfeedback.scoring.ScoringConfigException;
import org.instantfeedback.scoring.cli.ScoreCommand;
import org.instantfeedback.scoring.model.ModelFormatException;
import org.instantfeedback.streams.config.RegistryStartupCheck;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs feedback-streams: without arguments, reads the environment, starts the topology and its
 * HTTP API, and stops both on SIGTERM:
 * {@code KAFKA_BOOTSTRAP_SERVERS=... SCHEMA_REGISTRY_URL=... java -jar feedback-streams-<version>-all.jar};
 * the variables are listed in {@link StreamsAppConfig#SETTINGS}.
 *
 * <p>With {@code score [--model <file>] [--config <file>]...}, scores texts the way the service does, without Kafka:
 * one text per line on stdin, one JSON object per line on stdout
 * ({@code printf 'bus 42 driver rude, 2/5\n' | java -jar feedback-streams-<version>-all.jar score}).
 */
public final class StreamsMain {
    static final String SCORE = "score";
    static final String USAGE = """
            usage: feedback-streams                 run the service (configured by environment variables)
                   feedback-streams score [--model <file> | --no-model] [--config <file>]... [--echo]
                                                    score texts from stdin, one JSON line per text on stdout
                   feedback-streams score train|eval|base-model|report ...
                                                    train and evaluate text models (score --help)""";
    /**
     * Read by logback.xml. The score command writes its answers on stdout, so its log lines (if
     * any) must go to stderr, where they cannot corrupt the JSON.
     */
    static final String LOG_TARGET_PROPERTY = "instantfeedback.log.target";

    private StreamsMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            runService();
            return;
        }
        System.setProperty(LOG_TARGET_PROPERTY, "System.err");
        System.exit(runCommand(List.of(args), System.in, System.out, System.err));
    }

    /** Runs the command named by the first argument; returns the exit status (2: unknown command). */
    static int runCommand(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String command = args.get(0);
        return switch (command) {
            case SCORE -> ScoreCommand.run(in, out, err, args.subList(1, args.size()));
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println("feedback-streams: unknown command '" + command + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static void runService() {
        Logger log = LoggerFactory.getLogger(StreamsMain.class);
        StreamsApp app;
        try {
            app = StreamsApp.create(StreamsAppConfig.from(System.getenv()));
        } catch (IllegalArgumentException | ScoringConfigException | ModelFormatException e) {
            log.error("feedback-streams cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "feedback-streams-shutdown"));
        try {
            app.start();
        } catch (RegistryStartupCheck.RegistryUnavailableException e) {
            log.error("feedback-streams cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        log.info("feedback-streams is listening on http://localhost:{} (query API at /v1/subjects and /v1/alerts)",
                app.port());
    }
}
