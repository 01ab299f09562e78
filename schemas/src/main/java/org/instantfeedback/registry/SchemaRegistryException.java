package org.instantfeedback.registry;

/**
 * What a schema registry answered when it did not do what we asked, in its own words: the HTTP
 * status, the Confluent error code and message, and the registry's URL.
 */
public class SchemaRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The failures callers act on differently; {@link #UNREACHABLE} is the one worth retrying. */
    public enum Kind {
        SUBJECT_NOT_FOUND,
        VERSION_NOT_FOUND,
        SCHEMA_NOT_FOUND,
        INCOMPATIBLE_SCHEMA,
        INVALID_SCHEMA,
        UNAUTHORIZED,
        FORBIDDEN,
        UNREACHABLE,
        OTHER
    }

    private final Kind kind;
    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(Kind kind, int httpStatus, int errorCode, String message) {
        this(kind, httpStatus, errorCode, message, null);
    }

    public SchemaRegistryException(Kind kind, int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the registry answered with; 0 when it could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent error code (40401, 409, 42201, ...) when the registry gave one, else the status. */
    public int errorCode() {
        return errorCode;
    }

    /** Maps a Confluent error code or HTTP status to the kind of failure it means. */
    static Kind kindOf(int httpStatus, int errorCode) {
        switch (errorCode) {
            case 40401:
                return Kind.SUBJECT_NOT_FOUND;
            case 40402:
                return Kind.VERSION_NOT_FOUND;
            case 40403:
                return Kind.SCHEMA_NOT_FOUND;
            case 409:
                return Kind.INCOMPATIBLE_SCHEMA;
            case 42201:
                return Kind.INVALID_SCHEMA;
            default:
                break;
        }
        switch (httpStatus) {
            case 401:
                return Kind.UNAUTHORIZED;
            case 403:
                return Kind.FORBIDDEN;
            case 404:
                return Kind.SUBJECT_NOT_FOUND;
            case 409:
                return Kind.INCOMPATIBLE_SCHEMA;
            case 422:
                return Kind.INVALID_SCHEMA;
            default:
                return Kind.OTHER;
        }
    }
}
