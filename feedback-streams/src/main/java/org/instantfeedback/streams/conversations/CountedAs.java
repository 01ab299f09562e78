package org.instantfeedback.streams.conversations;

import java.util.List;
import java.util.Objects;

/**
 * Where a waiting conversation is counted in the handling figures' open and overdue counts, as last
 * told to them: so that it leaves exactly the counts it entered, whatever changed meanwhile.
 *
 * @param user    the ops user who answered it last; null when nobody did (it counts for no user)
 * @param groups  the groups of its subject when it was counted
 * @param overdue whether it is counted as overdue too
 */
record CountedAs(String user, List<String> groups, boolean overdue) {
    CountedAs {
        groups = List.copyOf(groups);
    }

    /** Whether it is counted for the same user and groups (its subject never changes), overdue or not. */
    boolean samePlaceAs(CountedAs other) {
        return Objects.equals(user, other.user) && groups.equals(other.groups);
    }
}
