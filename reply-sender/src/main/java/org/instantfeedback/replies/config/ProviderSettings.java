package org.instantfeedback.replies.config;

import java.time.Duration;
import org.instantfeedback.replies.provider.GatewayProvider;
import org.instantfeedback.replies.provider.GatewaySenderSettings;
import org.instantfeedback.replies.provider.SmsProvider;
import org.instantfeedback.replies.provider.TwilioMessagesProvider;
import org.instantfeedback.replies.provider.TwilioSenderSettings;

/** The provider chosen by {@code REPLY_PROVIDER}, with its settings. */
public sealed interface ProviderSettings {

    /** A provider with its own HTTP client; nothing is sent until it is called. */
    SmsProvider create();

    /** The value of {@code REPLY_PROVIDER} that chose it. */
    String name();

    /** The longest one provider call may wait for its answer: past it, the outcome is unknown. */
    Duration timeout();

    /** Twilio's Messages API. */
    record Twilio(TwilioSenderSettings settings) implements ProviderSettings {
        @Override
        public String name() {
            return "twilio";
        }

        @Override
        public SmsProvider create() {
            return TwilioMessagesProvider.create(settings);
        }

        @Override
        public Duration timeout() {
            return settings.timeout();
        }
    }

    /** A generic SMS gateway's outbound webhook. */
    record Gateway(GatewaySenderSettings settings) implements ProviderSettings {
        @Override
        public String name() {
            return "gateway";
        }

        @Override
        public SmsProvider create() {
            return GatewayProvider.create(settings);
        }

        @Override
        public Duration timeout() {
            return settings.timeout();
        }
    }
}
