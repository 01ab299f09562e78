package org.instantfeedback.scoring;

import java.util.List;

/**
 * The tokens of one text plus the punctuation counts VADER uses for emphasis.
 *
 * @param exclamations number of '!' in the text
 * @param questions    number of '?' in the text
 * @param sarcasmTag   the text carries #not, #sarcasm or #sarcastic (tags are otherwise dropped)
 */
record TokenizedText(List<Token> tokens, int exclamations, int questions, boolean sarcasmTag) {
}
