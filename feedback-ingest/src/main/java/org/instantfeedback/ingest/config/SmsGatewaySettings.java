package org.instantfeedback.ingest.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.instantfeedback.service.settings.Setting;

/**
 * The SMS gateways' channel ({@code POST /v1/sms}); disabled without keys and without a secret.
 *
 * @param apiKeys    API keys of SMS gateways
 * @param hmacSecret key of SMS gateways' body signatures
 */
public record SmsGatewaySettings(List<Secret> apiKeys, Optional<Secret> hmacSecret) {
    public static final Setting<List<String>> SMS_API_KEYS = Setting.list("INGEST_SMS_API_KEYS",
            "Comma-separated API keys for POST /v1/sms (header X-Api-Key, Bearer token or Basic password).");
    public static final Setting<Optional<Secret>> SMS_HMAC_SECRET = Setting.optional("INGEST_SMS_HMAC_SECRET",
            Secret::of, "Key of HMAC-SHA256 body signatures for POST /v1/sms (header X-Signature: sha256=<hex>)."
                    + " Without it and without " + SMS_API_KEYS + " the endpoint is disabled.");

    static final List<Setting<?>> SETTINGS = List.of(SMS_API_KEYS, SMS_HMAC_SECRET);

    public SmsGatewaySettings {
        apiKeys = List.copyOf(apiKeys);
    }

    static SmsGatewaySettings from(Map<String, String> env) {
        return new SmsGatewaySettings(Secret.all(SMS_API_KEYS.from(env)), SMS_HMAC_SECRET.from(env));
    }
}
