package org.instantfeedback.scoring.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.instantfeedback.scoring.training.CorpusReader;
import org.instantfeedback.scoring.training.LabelledText;

/** Reads the labelled files a command names, with a line of progress for each. */
final class LabelledFiles {

    private LabelledFiles() {
    }

    static List<LabelledText> read(Tools tools, List<String> names) {
        if (names.isEmpty()) {
            throw new CommandLine.UsageException("name at least one labelled file");
        }
        List<LabelledText> texts = new ArrayList<>();
        for (String name : names) {
            Path file = CommandLine.readable(name, "labelled file");
            List<LabelledText> read = CorpusReader.read(file);
            tools.progress(String.format("read %,d texts from %s", read.size(), file));
            texts.addAll(read);
        }
        return texts;
    }
}
