package org.instantfeedback.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.instantfeedback.config.ClientSettings;
import org.instantfeedback.config.Topics;
import org.instantfeedback.ingest.config.HttpSettings;
import org.instantfeedback.ingest.config.IngestConfig;
import org.instantfeedback.notifier.config.NotifierConfig;
import org.instantfeedback.notifier.routing.RoutesFile;
import org.instantfeedback.replies.config.ReplySenderConfig;
import org.instantfeedback.service.settings.Setting;
import org.instantfeedback.service.telemetry.PrometheusEndpoint;
import org.instantfeedback.streams.config.StreamsAppConfig;
import org.instantfeedback.streams.textmodel.TextModelTopics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Holds docker-compose.yml, the services' Dockerfile, docs/configuration.md and the Prometheus and Grafana provisioning
 * files against the configuration the services really read and the endpoints they really serve,
 * in the fast loop, without Docker; CI also starts the stack ({@code deploy/compose-smoke}) on the
 * stand-in images, whose override file this test keeps to images only. ({@link DashboardQueriesIT}
 * holds the dashboard's queries against the metrics the running services expose.)
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String STAND_IN_OVERRIDE = "deploy/stand-ins/docker-compose.stand-ins.yml";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static List<Arguments> services() {
        return List.of(
                Arguments.of("feedback-ingest", IngestConfig.SETTINGS, HttpSettings.HTTP_PORT.name()),
                Arguments.of("feedback-streams", StreamsAppConfig.SETTINGS, StreamsAppConfig.STREAMS_HTTP_PORT),
                Arguments.of("alert-notifier", NotifierConfig.SETTINGS, NotifierConfig.NOTIFIER_HTTP_PORT.name()),
                // Both providers' settings: compose passes the operator's choice of either through.
                Arguments.of("reply-sender", ReplySenderConfig.allSettings(),
                        ReplySenderConfig.REPLY_SENDER_HTTP_PORT.name()));
    }

    /** Each service's metrics endpoint, as the code serves it. */
    static List<Arguments> scrapedServices() {
        return List.of(
                Arguments.of("feedback-ingest", HttpSettings.HTTP_PORT.name(), PrometheusEndpoint.PATH),
                Arguments.of("feedback-streams", StreamsAppConfig.STREAMS_HTTP_PORT, PrometheusEndpoint.PATH),
                Arguments.of("alert-notifier", NotifierConfig.NOTIFIER_HTTP_PORT.name(), PrometheusEndpoint.PATH),
                Arguments.of("reply-sender", ReplySenderConfig.REPLY_SENDER_HTTP_PORT.name(), PrometheusEndpoint.PATH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_sets_only_variables_the_service_reads(String service, List<Setting<?>> variables, String portVariable)
            throws IOException {
        Set<String> documented = names(variables);
        documented.addAll(referencedByMountedFiles(service));

        assertThat(environmentOf(service).keySet())
                .allSatisfy(name -> assertThat(documented.contains(name)
                        || name.startsWith(ClientSettings.KAFKA_PREFIX)
                        || name.startsWith(ClientSettings.SCHEMA_REGISTRY_PREFIX))
                        .as("%s sets %s, which the service neither documents nor passes to a client", service, name)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_gives_every_required_variable(String service, List<Setting<?>> variables, String portVariable)
            throws IOException {
        Set<String> required = variables.stream().filter(Setting::required).map(Setting::name)
                .collect(Collectors.toSet());

        assertThat(environmentOf(service).keySet()).containsAll(required);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_publishes_the_port_the_service_listens_on(String service, List<Setting<?>> variables,
            String portVariable) throws IOException {
        String port = environmentOf(service).getOrDefault(portVariable, defaultOf(variables, portVariable));

        assertThat(serviceOf(service).get("ports")).asList().contains(port + ":" + port);
        assertThat(serviceOf(service).get("build").toString())
                .contains("dockerfile=deploy/service.Dockerfile", "SERVICE=" + service, "PORT=" + port);
        assertThat(Files.readString(ROOT.resolve("deploy/service.Dockerfile"))).contains("EXPOSE ${PORT}");
        assertThat(serviceOf(service).get("healthcheck").toString()).contains("localhost:" + port + "/health/ready");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_points_the_service_at_the_broker_and_registry_of_the_stack(String service,
            List<Setting<?>> variables, String portVariable) throws IOException {
        Map<String, String> environment = environmentOf(service);

        assertThat(environment).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:19092")
                .containsEntry("SCHEMA_REGISTRY_URL", "http://schema-registry:8081");
        Map<?, ?> dependsOn = (Map<?, ?>) serviceOf(service).get("depends_on");
        assertThat(dependsOn.keySet().stream().map(Object::toString)).contains("topics", "schema-registry");
    }

    @Test
    void compose_creates_every_topic_the_services_use() throws IOException {
        String command = serviceOf("topics").get("command").toString();

        assertThat(command).contains(LocalRun.TOPICS.keySet());
        assertThat(LocalRun.TOPICS).containsKeys(Topics.FEEDBACK_RECEIVED, Topics.FEEDBACK_SCORED, Topics.CSAT,
                Topics.CSAT_V2, Topics.METRICS, Topics.METRICS_LATEST, Topics.ALERTS, Topics.ALERT_ACTIONS,
                Topics.ALERT_RULES, Topics.ALERT_RULES_ACCEPTED, Topics.CONTACT_KEYS, Topics.CONVERSATIONS,
                Topics.CONVERSATION_ACTIONS, Topics.REPLIES, Topics.REPLY_STATUS, Topics.HANDLING, Topics.DEAD_LETTER);
        assertThat(command).contains("--config cleanup.policy=compact");
    }

    /** Erasure promises how soon a passenger's records leave the disk; the compose file must keep that promise. */
    @Test
    void compose_bounds_how_long_an_erased_passenger_stays_on_disk() throws IOException {
        String command = serviceOf("topics").get("command").toString();

        for (String topic : Topics.ERASABLE) {
            assertThat(command).contains(topic);
        }
        Topics.ERASURE_BOUND.forEach((setting, value) -> assertThat(command).contains(setting + "=" + value));
        assertThat(command).contains("--add-config");
    }

    /** A compacted topic created without compaction would lose contacts' keys and conversations to retention. */
    @Test
    void compose_creates_the_compacted_topics_in_its_compacted_loop() throws IOException {
        String command = serviceOf("topics").get("command").toString();
        int compactedStart = command.indexOf("feedback.metrics.latest.v1:");
        String plainLoop = command.substring(0, compactedStart);
        String compactedLoop = command.substring(compactedStart,
                command.indexOf("--config cleanup.policy=compact", compactedStart));

        assertThat(LocalRun.TOPICS.keySet()).filteredOn(Topics.COMPACTED::contains)
                .allSatisfy(topic -> assertThat(compactedLoop).contains(topic + ":"));
        assertThat(LocalRun.TOPICS.keySet()).filteredOn(topic -> !Topics.COMPACTED.contains(topic))
                .allSatisfy(topic -> assertThat(plainLoop).contains(topic + ":"));
    }

    /** The query API holds a key's latest figures and its series in one task, read from the two topics. */
    @Test
    void the_metrics_topic_and_its_compacted_copy_have_as_many_partitions() throws IOException {
        String command = serviceOf("topics").get("command").toString();

        assertThat(composePartitions(command, Topics.METRICS_LATEST)).isEqualTo(composePartitions(command, Topics.METRICS));
        assertThat(LocalRun.TOPICS.get(Topics.METRICS_LATEST)).isEqualTo(LocalRun.TOPICS.get(Topics.METRICS));
    }

    private static int composePartitions(String command, String topic) {
        Matcher spec = Pattern.compile(Pattern.quote(topic) + ":(\\d+)").matcher(command);
        assertThat(spec.find()).as("%s created with a partition count", topic).isTrue();
        return Integer.parseInt(spec.group(1));
    }

    @Test
    void compose_creates_the_text_model_topics_as_feedback_streams_would() throws IOException {
        String command = serviceOf("topics").get("command").toString();

        assertThat(TextModelTopics.topics()).allSatisfy(topic -> {
            assertThat(command).contains("--topic " + topic.name() + " --partitions " + topic.numPartitions());
            topic.configs().forEach((name, value) -> assertThat(command).contains("--config " + name + "=" + value));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_configuration_reference_documents_every_variable(String service, List<Setting<?>> variables,
            String portVariable) throws IOException {
        String reference = Files.readString(ROOT.resolve("docs/configuration.md"));

        assertThat(variables).allSatisfy(variable -> assertThat(reference)
                .as("docs/configuration.md documents %s of %s", variable.name(), service)
                .contains("`" + variable.name() + "`"));
    }

    @Test
    void the_notifier_routes_file_of_the_stack_is_valid_once_its_variables_are_set() throws IOException {
        Path routes = ROOT.resolve("deploy/alert-notifier/routes.json");
        Map<String, String> environment = new HashMap<>(environmentOf("alert-notifier"));
        referencedByMountedFiles("alert-notifier").forEach(name -> environment.put(name, "https://hooks.example.com/x"));

        assertThat(RoutesFile.parse(Files.readString(routes), environment)).isNotEmpty();
        assertThat(serviceOf("alert-notifier").get("volumes").toString())
                .contains("./deploy/alert-notifier/routes.json:" + environment.get(NotifierConfig.NOTIFIER_ROUTES_FILE.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scrapedServices")
    void prometheus_scrapes_each_service_where_it_serves_its_metrics(String service, String portVariable,
            String metricsPath) throws IOException {
        Map<String, Object> job = scrapeJobs().get(service);

        assertThat(job).as("a Prometheus scrape job named %s", service).isNotNull();
        assertThat(job.get("metrics_path")).isEqualTo(metricsPath);
        assertThat(job.get("static_configs").toString())
                .contains(service + ":" + environmentOf(service).get(portVariable));
    }

    @Test
    void compose_runs_prometheus_and_grafana_with_the_provisioning_files() throws IOException {
        assertThat(serviceOf("prometheus").get("volumes").toString())
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
        assertThat(serviceOf("prometheus").get("ports")).asList().contains("9090:9090");
        assertThat(serviceOf("grafana").get("ports")).asList().contains("3000:3000");
        String grafanaVolumes = serviceOf("grafana").get("volumes").toString();
        assertThat(grafanaVolumes).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning")
                .contains("./deploy/grafana/dashboards:/etc/grafana/dashboards");

        Map<String, Object> datasources = yaml(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources.get("datasources").toString()).contains("url=http://prometheus:9090")
                .contains("uid=" + DashboardFile.DATASOURCE_UID);
        Map<String, Object> providers = yaml(ROOT.resolve("deploy/grafana/provisioning/dashboards/instant-feedback.yml"));
        assertThat(providers.get("providers").toString()).contains("path=/etc/grafana/dashboards");
        assertThat(DashboardFile.read(ROOT).queries()).isNotEmpty();
        assertThat(DashboardFile.read(ROOT).datasourceUids()).containsOnly(DashboardFile.DATASOURCE_UID);
    }

    @Test
    void every_dashboard_query_selects_a_job_prometheus_scrapes() throws IOException {
        Set<String> jobs = scrapeJobs().keySet();

        assertThat(DashboardFile.read(ROOT).selectors()).allSatisfy(selector ->
                assertThat(jobs).as("jobs of %s", selector.metric()).containsAll(selector.jobs()));
    }

    /** CI runs the file users run: the override may swap images, and nothing else. */
    @Test
    @SuppressWarnings("unchecked")
    void the_stand_in_override_changes_only_images_to_the_ones_build_images_makes() throws IOException {
        Map<String, Object> overrides = (Map<String, Object>) yaml(ROOT.resolve(STAND_IN_OVERRIDE)).get("services");
        Properties standIns = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/stand-ins/stand-ins.env"))) {
            standIns.load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) yaml(ROOT.resolve("docker-compose.yml")).get("services");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<String, Object> original = (Map<String, Object>) service.getValue();
            Map<String, Object> override = (Map<String, Object>) overrides.get(service.getKey());
            if (original.containsKey("build")) {
                assertThat(override).as(service.getKey()).containsOnlyKeys("build");
                assertThat((Map<String, Object>) override.get("build")).as(service.getKey())
                        .isEqualTo(Map.of("args", Map.of("JRE_IMAGE", standIns.getProperty("STAND_IN_JRE_IMAGE"))));
            } else if (service.getKey().equals("grafana")) {
                assertThat(override).as("Grafana has no stand-in").isNull();
            } else {
                assertThat(override).as(service.getKey()).containsOnlyKeys("image");
                assertThat(standIns.values()).as(service.getKey()).contains(override.get("image"));
            }
        }
        assertThat(services).containsKeys(overrides.keySet().toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> scrapeJobs() throws IOException {
        Map<String, Object> prometheus = yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Map<String, Object>> jobs = new HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            jobs.put(String.valueOf(job.get("job_name")), job);
        }
        return jobs;
    }

    /** The {@code ${VARIABLE}}s the files a service mounts refer to (the notifier's routes file). */
    private static Set<String> referencedByMountedFiles(String service) throws IOException {
        Set<String> references = new HashSet<>();
        Object volumes = serviceOf(service).get("volumes");
        if (volumes == null) {
            return references;
        }
        for (Object volume : (List<?>) volumes) {
            String source = volume.toString().split(":")[0];
            Path file = ROOT.resolve(source).normalize();
            if (source.startsWith("./") && Files.isRegularFile(file)) {
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    references.add(matcher.group(1));
                }
            }
        }
        return references;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        assertThat(file).exists();
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static Set<String> names(List<Setting<?>> variables) {
        return variables.stream().map(Setting::name).collect(Collectors.toCollection(HashSet::new));
    }

    private static String defaultOf(List<Setting<?>> variables, String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().shownDefault()
                .orElseThrow();
    }

    private static Map<String, String> environmentOf(String service) throws IOException {
        Map<?, ?> environment = (Map<?, ?>) serviceOf(service).get("environment");
        return environment.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceOf(String service) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            Map<String, Object> services = (Map<String, Object>) compose.get("services");
            assertThat(services).as("services of docker-compose.yml").containsKey(service);
            return (Map<String, Object>) services.get(service);
        }
    }
}
