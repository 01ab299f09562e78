package org.instantfeedback.local.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the simulated ops (a program, not people) do about each conversation in the inbox: answer
 * a share of the passengers' messages ({@link OpsPace#answerShare()}), and close about half of the
 * conversations they answered, each after a random wait of up to {@link OpsPace#longestWait()}.
 * Each state of a conversation (the passenger's message waiting, ops' answer given) is decided
 * once, so a conversation that still shows a message a moment after it was answered is not
 * answered twice. Pure and seeded, so what it decides can be tested; {@link SimulatedOps} acts on it.
 */
public final class OpsDecisions {
    private static final double CLOSE_SHARE = 0.5;
    private static final List<String> STAFF = List.of("Ana (simulated ops)", "Ben (simulated ops)",
            "Chloe (simulated ops)");
    private static final List<String> ANSWERS = List.of(
            "Sorry about this. We've passed it to the route manager and will look into it today.",
            "Thanks for telling us. The driver's supervisor has been informed.",
            "Sorry for the wait. The next bus is on its way, about 5 minutes out.",
            "Thank you, we've logged this so it gets fixed.",
            "We're sorry. Could you tell us the time and stop, so we can check?");

    /** What ops do. */
    public enum Act {
        ANSWER,
        CLOSE
    }

    /** One thing ops will do to a conversation, {@code after} from now, as {@code by}. */
    public record Plan(String conversationId, Act act, Duration after, String by, String text) {
    }

    /**
     * A conversation as the inbox lists it: what ops go by.
     *
     * @param status       {@code open} (the passenger waits), {@code waiting} (ops answered last) or {@code closed}
     * @param waitingSince when the passenger's oldest unanswered message came, while open
     * @param lastMessageAt when the latest message, theirs or ops', came
     * @param replies      how many answers ops gave
     */
    public record Seen(String conversationId, String status, String waitingSince, String lastMessageAt, int replies) {
    }

    private final OpsPace pace;
    private final Random random;
    /** The state of each conversation that was decided on, by conversation id. */
    private final Map<String, String> decided = new HashMap<>();

    public OpsDecisions(OpsPace pace, long seed) {
        this.pace = pace;
        this.random = new Random(seed);
    }

    /** What ops will do about {@code conversation} as it stands now; empty when nothing, or decided already. */
    public synchronized Optional<Plan> consider(Seen conversation) {
        boolean open = conversation.status().equals("open");
        boolean answered = conversation.status().equals("waiting") && conversation.replies() > 0;
        if (!open && !answered) {
            return Optional.empty();
        }
        String state = conversation.status() + "@" + (open ? conversation.waitingSince() : conversation.lastMessageAt());
        if (state.equals(decided.put(conversation.conversationId(), state))) {
            return Optional.empty();
        }
        if (open && random.nextDouble() < pace.answerShare()) {
            return Optional.of(plan(conversation, Act.ANSWER, oneOf(ANSWERS)));
        }
        if (answered && random.nextDouble() < CLOSE_SHARE) {
            return Optional.of(plan(conversation, Act.CLOSE, null));
        }
        return Optional.empty();
    }

    /** Forgets the conversations no longer listed (closed, or erased), so memory stays as small as the inbox. */
    public synchronized void keepOnly(Set<String> listedIds) {
        decided.keySet().retainAll(listedIds);
    }

    private Plan plan(Seen conversation, Act act, String text) {
        Duration after = Duration.ofMillis((long) (random.nextDouble() * pace.longestWait().toMillis()));
        return new Plan(conversation.conversationId(), act, after, oneOf(STAFF), text);
    }

    private String oneOf(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }
}
