package org.instantfeedback.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Talks to a registry over the Confluent REST API (Confluent Schema Registry and Cloud, Redpanda,
 * Karapace, Apicurio's {@code /apis/ccompat/v7}). TLS uses the JVM's trust store. When several
 * URLs are configured, a registry that cannot be reached is skipped for the next one. No caching
 * here: {@link CachingSchemaRegistryClient} adds it.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistrySettings settings;
    private final HttpClient http;

    RestSchemaRegistryClient(SchemaRegistrySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return answer.path("id").asInt();
    }

    @Override
    public int idOf(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        return answer.path("id").asInt();
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        return parse(answer.path("schema").asText(), "schema id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode answer = send("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        return new RegisteredSchema(subject, answer.path("version").asInt(), answer.path("id").asInt(),
                parse(answer.path("schema").asText(), "latest version of " + subject));
    }

    @Override
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException unreachable = null;
        for (URI base : settings.urls()) {
            URI uri = URI.create(base + path);
            try {
                HttpResponse<String> response = http.send(request(method, uri, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return answer(uri, response);
            } catch (IOException e) {
                unreachable = new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, 0, 0,
                        "schema registry at " + withoutUserInfo(base) + " could not be reached: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, 0, 0,
                        "interrupted while waiting for the schema registry at " + withoutUserInfo(base), e);
            }
        }
        throw unreachable;
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri))
                .timeout(settings.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        settings.authorization().ifPresent(value -> request.header("Authorization", value));
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static JsonNode answer(URI uri, HttpResponse<String> response) {
        JsonNode json = readJson(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return json;
        }
        int errorCode = json.path("error_code").asInt(status);
        String message = json.path("message").asText(response.body());
        throw new SchemaRegistryException(SchemaRegistryException.kindOf(status, errorCode), status, errorCode,
                "schema registry answered " + status + " (error " + errorCode + ") to " + withoutUserInfo(uri)
                        + ": " + message);
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            // A proxy's HTML error page, say: keep its text as the message.
            return JSON.createObjectNode().put("message", body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.INVALID_SCHEMA, 200, 0,
                    "the registry's " + what + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Credentials in a URL go in the Authorization header; they never appear in requests or messages. */
    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
    }
}
