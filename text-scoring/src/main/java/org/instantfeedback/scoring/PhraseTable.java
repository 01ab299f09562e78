package org.instantfeedback.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Multi-word terms ("missed my connection", "{n} minutes late") in a word trie, so finding every
 * term in a text costs at most {@link #MAX_WORDS} lookups per token: linear in the text's length.
 *
 * @param <V> what a term carries (a valence, topics, urgency)
 */
final class PhraseTable<V> {

    /** Stands for any number token in a term. */
    static final String NUMBER = "{n}";
    static final int MAX_WORDS = 6;

    private final Node<V> root;
    private final boolean matchesEmoji;

    private PhraseTable(Node<V> root, boolean matchesEmoji) {
        this.root = root;
        this.matchesEmoji = matchesEmoji;
    }

    /**
     * @param matchesEmoji whether the words of emoji descriptions can be part of a term: yes for
     *                     sentiment ("thumbs down"), no for topics and urgency ("🔥" is no fire report)
     */
    static <V> Builder<V> builder(BinaryOperator<V> merge, boolean matchesEmoji) {
        return new Builder<>(merge, matchesEmoji);
    }

    /** The longest term starting at {@code start}, or null. */
    Match<V> longestAt(List<Token> tokens, int start) {
        Node<V> node = root;
        Match<V> longest = null;
        for (int i = start; i < tokens.size() && i - start < MAX_WORDS; i++) {
            node = node.child(matchKey(tokens.get(i), matchesEmoji));
            if (node == null) {
                break;
            }
            if (node.value != null) {
                longest = new Match<>(i - start + 1, node.value);
            }
        }
        return longest;
    }

    /** Every term starting at {@code start}. */
    void eachAt(List<Token> tokens, int start, Consumer<V> action) {
        Node<V> node = root;
        for (int i = start; i < tokens.size() && i - start < MAX_WORDS; i++) {
            node = node.child(matchKey(tokens.get(i), matchesEmoji));
            if (node == null) {
                return;
            }
            if (node.value != null) {
                action.accept(node.value);
            }
        }
    }

    private static String matchKey(Token token, boolean matchesEmoji) {
        return switch (token.kind()) {
            case EMOJI -> matchesEmoji ? token.key() : null;
            case NUMBER -> NUMBER;
            default -> token.key();
        };
    }

    record Match<V>(int length, V value) {
    }

    static final class Builder<V> {
        private final Node<V> root = new Node<>();
        private final BinaryOperator<V> merge;
        private final boolean matchesEmoji;

        private Builder(BinaryOperator<V> merge, boolean matchesEmoji) {
            this.merge = merge;
            this.matchesEmoji = matchesEmoji;
        }

        Builder<V> put(List<String> words, V value) {
            if (words.isEmpty() || words.size() > MAX_WORDS) {
                throw new IllegalArgumentException("a term has 1 to " + MAX_WORDS + " words: " + words);
            }
            Node<V> node = root;
            for (String word : words) {
                node = node.children.computeIfAbsent(word, w -> new Node<>());
            }
            node.value = node.value == null ? value : merge.apply(node.value, value);
            return this;
        }

        PhraseTable<V> build() {
            return new PhraseTable<>(root, matchesEmoji);
        }
    }

    private static final class Node<V> {
        final Map<String, Node<V>> children = new HashMap<>();
        V value;

        Node<V> child(String key) {
            return key == null || children.isEmpty() ? null : children.get(key);
        }
    }
}
