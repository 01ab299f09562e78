package org.instantfeedback.streams.csat;

import java.util.List;
import java.util.Map;
import org.instantfeedback.service.settings.Setting;

/**
 * Which CSAT topics feedback-streams writes. {@code feedback.csat.v2} (the current rolling window
 * of each subject, from the slices) is always written; {@code feedback.csat.v1} (every update of
 * every hopping window) is deprecated and written only while {@code CSAT_V1_ENABLED} is true, the
 * default in this release. The default turns false in the next minor release, and v1 is removed
 * after that (docs/csat-and-nps.md).
 *
 * @param v1Enabled whether the hopping-window path, its store {@code csat.windows.v1} and its topic
 *                  {@code feedback.csat.v1} are in the topology
 */
public record CsatOutputs(boolean v1Enabled) {
    public static final CsatOutputs DEFAULT = new CsatOutputs(true);

    private static final Setting<Boolean> V1_ENABLED = Setting.flag("CSAT_V1_ENABLED", true,
            "Whether the deprecated feedback.csat.v1 (every update of every hopping window) is still written;"
                    + " feedback.csat.v2 always is. true or false; the default turns false in the next minor release.");

    /** The variables read here. */
    public static final List<Setting<?>> SETTINGS = List.of(V1_ENABLED);

    /** The outputs the environment asks for; fails naming the variable when it is not true or false. */
    public static CsatOutputs from(Map<String, String> env) {
        return new CsatOutputs(V1_ENABLED.from(env));
    }
}
