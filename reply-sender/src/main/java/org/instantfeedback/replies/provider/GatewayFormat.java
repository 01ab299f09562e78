package org.instantfeedback.replies.provider;

/** How the gateway's outbound webhook takes its body. */
public enum GatewayFormat {
    /** {@code application/json}: one object with the mapped fields. */
    JSON,
    /** {@code application/x-www-form-urlencoded}: the mapped fields as form parameters. */
    FORM
}
