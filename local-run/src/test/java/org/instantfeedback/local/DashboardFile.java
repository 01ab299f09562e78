package org.instantfeedback.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provisioned Grafana dashboard (deploy/grafana/dashboards/instant-feedback.json) as the tests
 * read it: its PromQL queries, and the metric selectors in them with the scrape jobs they select.
 */
record DashboardFile(List<String> queries, Set<String> datasourceUids) {
    static final String PATH = "deploy/grafana/dashboards/instant-feedback.json";
    static final String DATASOURCE_UID = "prometheus";
    /** {@code metric_name{labels}}: every query names its metrics with a label selector. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("job=~?\"([^\"]*)\"");

    /** One {@code metric{job="..."}} of a query. */
    record Selector(String metric, List<String> jobs, String query) {
    }

    static DashboardFile read(Path root) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(root.resolve(PATH).toFile());
        List<String> queries = new ArrayList<>();
        Set<String> uids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.has("datasource")) {
                uids.add(panel.path("datasource").path("uid").asText());
            }
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asText());
                uids.add(target.path("datasource").path("uid").asText());
            }
        }
        return new DashboardFile(List.copyOf(queries), uids);
    }

    /** Every metric selector of every query; a query without one fails, so no bare metric slips by. */
    List<Selector> selectors() {
        List<Selector> selectors = new ArrayList<>();
        for (String query : queries) {
            Matcher matcher = SELECTOR.matcher(query);
            int found = 0;
            while (matcher.find()) {
                Matcher job = JOB.matcher(matcher.group(2));
                List<String> jobs = job.find() ? Arrays.asList(job.group(1).split("\\|")) : List.of();
                selectors.add(new Selector(matcher.group(1), jobs, query));
                found++;
            }
            if (found == 0) {
                throw new AssertionError("the dashboard query '" + query + "' names no metric with a {job=...} selector");
            }
        }
        return selectors;
    }
}
