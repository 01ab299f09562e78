package org.instantfeedback.streams.alerting;

import java.util.Objects;
import org.instantfeedback.alerting.AlertKind;
import org.instantfeedback.alerting.Scope;

/**
 * A subject or group as the alerting stores key it: {@code subject:route-42}, {@code group:depot-north}.
 * The same prefixes as the rules topic, so an operator reads one notation everywhere.
 */
record ScopeKey(Scope scope, String id) {
    ScopeKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
    }

    static ScopeKey subject(String id) {
        return new ScopeKey(Scope.SUBJECT, id);
    }

    static ScopeKey group(String id) {
        return new ScopeKey(Scope.GROUP, id);
    }

    /** @throws IllegalArgumentException when the key has neither prefix */
    static ScopeKey parse(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + key + "' is not a scope key; expected subject:<id> or group:<id>");
        }
        String prefix = key.substring(0, colon);
        String id = key.substring(colon + 1);
        for (Scope scope : Scope.values()) {
            if (scope.id().equals(prefix) && !id.isEmpty()) {
                return new ScopeKey(scope, id);
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a scope key; expected subject:<id> or group:<id>");
    }

    /** The key of this subject's alert state for one kind: {@code subject:route-42:negative-surge}. */
    String stateKey(AlertKind kind) {
        return this + ":" + kind.id();
    }

    @Override
    public String toString() {
        return scope.id() + ":" + id;
    }
}
