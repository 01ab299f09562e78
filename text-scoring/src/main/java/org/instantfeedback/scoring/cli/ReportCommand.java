package org.instantfeedback.scoring.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.instantfeedback.scoring.training.BaseCorpora;
import org.instantfeedback.scoring.training.CorpusFormat;
import org.instantfeedback.scoring.training.CorpusReader;
import org.instantfeedback.scoring.training.DevelopmentReport;
import org.instantfeedback.scoring.training.LabelledText;

/**
 * {@code score report}: the development-set figures of the model card and docs/reading-texts.md, as Markdown
 * tables (about three minutes on two cores: it trains eleven models).
 */
final class ReportCommand {

    private ReportCommand() {
    }

    static int run(Tools tools, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--rail", "--vader", "--messages", "--held-out",
                "--company", "--config"), Set.of());
        BaseCorpora corpora = BaseModelCommand.corpora(tools, line);
        Map<String, List<LabelledText>> heldOut = new LinkedHashMap<>();
        for (String name : line.all("--held-out")) {
            Path file = CommandLine.readable(name, "held-out file");
            heldOut.put(String.valueOf(file.getFileName()), CorpusReader.read(file, CorpusFormat.PASSENGER_MESSAGES));
        }
        // eurostar.com keeps its mix of complaints over time; gwr.com's newest reviews are far
        // happier than its older ones (81% negative before 2020, 23% after), the drift a loop must survive
        List<String> companies = List.of(line.value("--company").orElse("eurostar.com,gwr.com").split(","));
        DevelopmentReport report = new DevelopmentReport(tools.lexicon(line), corpora, tools::progress);
        tools.out().println(DevelopmentReport.HEADER);
        report.heldOutSets(heldOut).forEach(row -> tools.out().println(row.markdown()));
        report.railReviewsCrossValidated().forEach(row -> tools.out().println(row.markdown()));
        report.railReviewsByCompany().forEach(row -> tools.out().println(row.markdown()));
        tools.out().println();
        for (String company : companies) {
            tools.out().println("Operator learning curve, " + company.strip() + ":");
            tools.out().println();
            report.learningCurve(company.strip()).forEach(tools.out()::println);
            tools.out().println();
        }
        return 0;
    }
}
