package org.instantfeedback.faults;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.instantfeedback.config.Topics;
import org.instantfeedback.events.CsatWindow;

/**
 * What a downstream reader of feedback.csat.v1 ends up with: the last committed update of every
 * subject's window, in the same counts as {@link ExpectedCsat}.
 */
record CsatOutput(Map<WindowKey, CsatCounts> windows, long updates) {

    static CsatOutput read(Clients clients) {
        List<ConsumerRecord<String, CsatWindow>> records =
                TopicContents.readAll(clients.avroReader(Topics.CSAT, CsatWindow.class));
        Map<WindowKey, CsatCounts> last = new TreeMap<>();
        for (ConsumerRecord<String, CsatWindow> record : records) {
            CsatWindow window = record.value();
            last.put(new WindowKey(window.getSubject(), window.getWindowStart()),
                    new CsatCounts(window.getRatedResponses(), window.getSatisfiedResponses(), window.getRatingSum()));
        }
        return new CsatOutput(last, records.size());
    }

    /** The windows of subjects starting with {@code prefix}, for tests that share a broker with others. */
    Map<WindowKey, CsatCounts> windowsOf(String prefix) {
        Map<WindowKey, CsatCounts> selected = new TreeMap<>();
        windows.forEach((key, counts) -> {
            if (key.subject().startsWith(prefix)) {
                selected.put(key, counts);
            }
        });
        return selected;
    }

    /** Ratings counted, summed over the given windows. */
    static long ratedIn(Map<WindowKey, CsatCounts> windows) {
        return windows.values().stream().mapToLong(CsatCounts::rated).sum();
    }
}
