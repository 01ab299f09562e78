package org.instantfeedback.ingest.http;

/** A channel whose credentials the operator has not configured, so it takes no requests. */
public class ChannelNotConfiguredException extends RejectedRequestException {
    private static final long serialVersionUID = 1L;

    public ChannelNotConfiguredException(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String typeSlug() {
        return "channel-not-configured";
    }

    @Override
    public String title() {
        return "Channel not configured";
    }
}
