package org.instantfeedback.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Terms of one or more words ("missed my connection", "{n} minutes late") in a word trie, so
 * finding every term in a text costs at most {@link #MAX_WORDS} steps per token: linear in the
 * text's length. The first step is free: each token's {@link WordFacts} holds the node after it.
 */
final class PhraseTable {

    /** Stands for any number token in a term. */
    static final String NUMBER = "{n}";
    static final int MAX_WORDS = 6;

    /** Which job a walk serves; emoji descriptions take part in sentiment terms only ("thumbs down"). */
    enum Use {
        VALENCE(Phrase::hasValence, true),
        TOPICS(phrase -> !phrase.topics().isEmpty(), false),
        URGENCY(Phrase::hasUrgency, false);

        private final Predicate<Phrase> serves;
        private final boolean matchesEmoji;

        Use(Predicate<Phrase> serves, boolean matchesEmoji) {
            this.serves = serves;
            this.matchesEmoji = matchesEmoji;
        }
    }

    private final Node root;

    private PhraseTable(Node root) {
        this.root = root;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The node after a first word, for {@link WordFacts#phrases()}. */
    Node startingWith(String word) {
        return root.child(word);
    }

    /** The longest term serving {@code use} that starts at {@code start}, or null. */
    Match longestAt(List<Token> tokens, int start, Use use) {
        Match longest = null;
        Node node = first(tokens.get(start), use);
        for (int i = start; node != null; node = next(tokens, ++i, start, node, use)) {
            if (node.phrase != null && use.serves.test(node.phrase)) {
                longest = new Match(i - start + 1, node.phrase);
            }
        }
        return longest;
    }

    /** Every term serving {@code use} that starts at {@code start}. */
    void eachAt(List<Token> tokens, int start, Use use, Consumer<Phrase> action) {
        Node node = first(tokens.get(start), use);
        for (int i = start; node != null; node = next(tokens, ++i, start, node, use)) {
            if (node.phrase != null && use.serves.test(node.phrase)) {
                action.accept(node.phrase);
            }
        }
    }

    private Node first(Token token, Use use) {
        return switch (token.kind()) {
            case EMOJI -> use.matchesEmoji ? token.facts().phrases() : null;
            case NUMBER -> root.child(NUMBER);
            default -> token.facts().phrases();
        };
    }

    private static Node next(List<Token> tokens, int i, int start, Node node, Use use) {
        if (i >= tokens.size() || i - start >= MAX_WORDS) {
            return null;
        }
        Token token = tokens.get(i);
        return switch (token.kind()) {
            case EMOJI -> use.matchesEmoji ? node.child(token.key()) : null;
            case NUMBER -> node.child(NUMBER);
            default -> node.child(token.key());
        };
    }

    record Match(int length, Phrase phrase) {
    }

    static final class Builder {
        private final Node root = new Node();

        Builder put(List<String> words, Phrase phrase) {
            if (words.isEmpty() || words.size() > MAX_WORDS) {
                throw new IllegalArgumentException("a term has 1 to " + MAX_WORDS + " words: " + words);
            }
            Node node = root;
            for (String word : words) {
                node = node.children.computeIfAbsent(word, w -> new Node());
            }
            node.phrase = node.phrase == null ? phrase : node.phrase.mergedWith(phrase);
            return this;
        }

        PhraseTable build() {
            return new PhraseTable(root);
        }
    }

    /** A trie node; not modified once the table is built. */
    static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        private Phrase phrase;

        Node child(String key) {
            return children.isEmpty() ? null : children.get(key);
        }
    }
}
