package org.instantfeedback.benchmarks.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.instantfeedback.benchmarks.TrainingCorpus;
import org.instantfeedback.scoring.BundledModel;
import org.instantfeedback.scoring.TextScorer;
import org.instantfeedback.scoring.model.FeatureLayout;
import org.instantfeedback.scoring.model.ModelClasses;
import org.instantfeedback.scoring.model.ModelInfo;
import org.instantfeedback.scoring.model.TextModel;
import org.instantfeedback.scoring.model.TextModelFile;
import org.instantfeedback.scoring.model.Trainer;
import org.instantfeedback.scoring.model.TrainingExample;
import org.instantfeedback.scoring.model.TrainingProgress;
import org.instantfeedback.scoring.training.BaseModelTraining;
import org.instantfeedback.scoring.training.LabelledText;
import org.instantfeedback.scoring.training.OperatorTraining;
import org.instantfeedback.scoring.training.TrainingRecipe;

/**
 * The learned text model's heap and training time (text-scoring's {@code TextModel}), each next to a
 * reference measured in the same run, in this JVM before the broker starts:
 * <ul>
 *   <li>heap: what a loaded base model retains (used heap after repeated full GCs, before and after
 *       loading it), next to what a {@code TextScorer} without the model retains; a scorer with the
 *       model against one without; the weights array its {@link FeatureLayout} implies, and the
 *       model file's size;</li>
 *   <li>training on one thread, on N labelled SMS-length texts ({@link TrainingCorpus}): feature
 *       extraction ({@link TrainingRecipe#examples}), the {@link Trainer} from scratch with
 *       {@link TrainingRecipe#BASE}, and an operator round ({@link OperatorTraining#run} on the
 *       bundled model, what feedback-streams runs in the background), each next to the time to score
 *       the same texts with the model (the median of three passes). The thread's CPU time is in the
 *       notes beside each wall time: the work is on one thread, while the JVM's GC and JIT threads
 *       may use another core.</li>
 * </ul>
 */
final class ModelBenchmark {
    private static final double MB = 1_000_000.0;
    private static final double GOAL_HEAP_MB = 50;
    private static final double GOAL_TRAINING_SECONDS = 60;
    private static final int REFERENCE_PASSES = 3;

    private ModelBenchmark() {
    }

    static void run(Sizes sizes, Results results) {
        Progress.say("model: heap of the text model, then training on %,d labelled texts, one thread",
                sizes.trainingExamples());
        // Built before any measurement: it loads every class and static table the heap figures
        // would otherwise count, and the training below reads with it.
        TextScorer shipped = TextScorer.builder().build();
        heap(results);
        training(shipped, sizes.trainingExamples(), results);
    }

    private static void heap(Results results) {
        long before = heapAfterGc();
        TextModel model = BundledModel.load();
        long afterModel = heapAfterGc();
        TextScorer lexiconOnly = TextScorer.builder().withoutModel().build();
        long afterLexiconOnly = heapAfterGc();
        TextScorer withModel = TextScorer.builder().build();
        long afterWithModel = heapAfterGc();
        double modelMb = (afterModel - before) / MB;
        double lexiconOnlyMb = (afterLexiconOnly - afterModel) / MB;
        double withModelMb = (afterWithModel - afterLexiconOnly) / MB;
        FeatureLayout layout = model.layout();
        long weightsBytes = (long) layout.featureCount() * ModelClasses.COUNT * Float.BYTES;
        long fileBytes = TextModelFile.toBytes(model).length;
        results.add(Result.of("model", "heap retained by the loaded base model (BundledModel.load)", modelMb, "MB")
                .against("a TextScorer without the model (lexicons, language detector)", lexiconOnlyMb)
                .goal("< 50 MB", modelMb < GOAL_HEAP_MB));
        results.add(Result.of("model", "heap retained by a TextScorer with the base model", withModelMb, "MB")
                .against("the same scorer without the model", lexiconOnlyMb));
        results.add(Result.of("model", "weights array by its FeatureLayout (features x 3 classes x 4 bytes)",
                        weightsBytes / MB, "MB")
                .against("heap retained by the loaded model", modelMb));
        results.add(Result.of("model", "model file (TextModelFile.toBytes: gzip of the weighted features)",
                        fileBytes, "bytes")
                .against("the weights array in memory, bytes", weightsBytes));
        results.note(String.format(Locale.ROOT, "model: base model %s, layout %s: %,d features (2^%d hashed + %d dense), "
                        + "%,d with a weight; MB = 10^6 bytes; heap is used heap after full GCs before and after each "
                        + "load, in this JVM before the broker starts (%s); the weights array is one object, which "
                        + "G1 keeps in whole regions of its own (humongous), so the heap it takes is rounded up to them",
                model.version(), layout, layout.featureCount(), layout.hashBits(), layout.denseFeatures(),
                model.activeFeatures(), collector()));
        Reference.reachabilityFence(model);
        Reference.reachabilityFence(lexiconOnly);
        Reference.reachabilityFence(withModel);
    }

    private static void training(TextScorer shipped, int size, Results results) {
        List<LabelledText> texts = TrainingCorpus.generate(size);
        results.note("model: " + TrainingCorpus.describe(texts));
        String n = String.format(Locale.ROOT, "%,d", texts.size());
        TextScorer lexicon = shipped.withModel(null);

        Progress.say("model: scoring the %s texts with the model twice to warm up, then three times for the reference", n);
        scoreAll(shipped, texts);
        scoreAll(shipped, texts);
        List<Timed<Long>> passes = new ArrayList<>();
        for (int pass = 0; pass < REFERENCE_PASSES; pass++) {
            passes.add(Timed.of(() -> scoreAll(shipped, texts)));
        }
        // the median pass: one pass alone moved by a third from run to run (JIT decisions)
        passes.sort(Comparator.comparingDouble(Timed::seconds));
        Timed<Long> scoring = passes.get(REFERENCE_PASSES / 2);
        String reference = "scoring the same " + n + " texts with the model (TextScorer.score), s";
        String referenceRate = "scoring them with the model, texts/s";
        double scoringRate = texts.size() / scoring.seconds();

        Progress.say("model: feature extraction (TrainingRecipe.BASE.examples)");
        TrainingRecipe recipe = TrainingRecipe.BASE;
        FeatureLayout layout = recipe.layout();
        Timed<List<TrainingExample>> extraction = Timed.of(() -> recipe.examples(lexicon, texts, layout));
        List<TrainingExample> examples = extraction.value();

        Progress.say("model: base training from scratch (Trainer, TrainingRecipe.BASE, %d epochs)",
                recipe.settings().epochs());
        ModelInfo baseInfo = new ModelInfo("benchmark-base", null, Instant.now(),
                new TreeSet<>(BaseModelTraining.BASE_LANGUAGES), new TreeMap<>());
        Timed<TextModel> training = Timed.of(() -> Trainer.train(examples, List.of(), layout, null, recipe.settings(),
                baseInfo, epochs("base training")));

        Progress.say("model: operator round (OperatorTraining.run on the bundled model)");
        TextModel base = BundledModel.load();
        ModelInfo operatorInfo = new ModelInfo("benchmark-op-1", base.version(), Instant.now(), new TreeSet<>(),
                new TreeMap<>(Map.of("trained.on", "the benchmark's labelled texts")));
        Timed<OperatorTraining.Outcome> operator = Timed.of(() -> OperatorTraining.run(lexicon, base, base, texts,
                OperatorTraining.Settings.DEFAULTS, operatorInfo, epochs("operator round")));

        double extractionAndTraining = extraction.seconds() + training.seconds();
        results.add(Result.of("model", "feature extraction of " + n + " labelled texts (TrainingRecipe.examples), one thread",
                extraction.seconds(), "s").against(reference, scoring.seconds()));
        results.add(Result.of("model", "base training from scratch on " + n + " examples (Trainer, TrainingRecipe.BASE: "
                + recipe.settings().epochs() + " epochs), one thread", training.seconds(), "s")
                .against(reference, scoring.seconds()));
        results.add(Result.of("model", "extraction + base training on " + n + " examples, one thread",
                        extractionAndTraining, "s")
                .against(reference, scoring.seconds())
                .goal("< 60 s", extractionAndTraining < GOAL_TRAINING_SECONDS));
        results.add(Result.of("model", "operator round on " + n + " examples (OperatorTraining.run on the bundled model, "
                        + "all of it: extraction, training, judging), one thread", operator.seconds(), "s")
                .against(reference, scoring.seconds())
                .goal("< 60 s", operator.seconds() < GOAL_TRAINING_SECONDS));
        results.add(Result.of("model", "feature extraction, examples/s", texts.size() / extraction.seconds(), "examples/s")
                .against(referenceRate, scoringRate));
        results.add(Result.of("model", "extraction + base training, examples/s", texts.size() / extractionAndTraining,
                        "examples/s")
                .against(referenceRate, scoringRate));
        results.add(Result.of("model", "operator round, examples/s", texts.size() / operator.seconds(), "examples/s")
                .against(referenceRate, scoringRate));

        results.note(String.format(Locale.ROOT, "model: the scoring reference is the median of %d passes over the "
                        + "texts (%.2f, %.2f and %.2f s) after two warm-up passes; each training figure is one run, "
                        + "as a training round is", REFERENCE_PASSES, passes.get(0).seconds(), passes.get(1).seconds(),
                passes.get(2).seconds()));
        results.note(String.format(Locale.ROOT, "model: CPU time of the measuring thread beside wall time: scoring "
                        + "%.2f s of %.2f s, extraction %.2f of %.2f, base training %.2f of %.2f, operator round %.2f of %.2f",
                scoring.cpuSeconds(), scoring.seconds(), extraction.cpuSeconds(), extraction.seconds(),
                training.cpuSeconds(), training.seconds(), operator.cpuSeconds(), operator.seconds()));
        OperatorTraining.Outcome outcome = operator.value();
        results.note(String.format(Locale.ROOT, "model: base training: %,d examples, %,d features with a weight; "
                        + "operator round: trained on %,d, judged on %,d held back, accuracy %.3f (current %.3f), "
                        + "negative F1 %.3f (current %.3f), languages learned %s, promote %s",
                examples.size(), training.value().activeFeatures(), outcome.trainedOn(), outcome.heldBack(),
                outcome.candidateFigures().accuracy(), outcome.current().accuracy(),
                outcome.candidateFigures().negativeF1(), outcome.current().negativeF1(), outcome.learnedLanguages(),
                outcome.promote()));
    }

    /** The collectors and, for G1, its region size: what the heap figures are rounded to. */
    private static String collector() {
        StringBuilder gc = new StringBuilder();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(bean ->
                gc.append(gc.length() == 0 ? "" : ", ").append(bean.getName()));
        try {
            String region = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("G1HeapRegionSize").getValue();
            gc.append(String.format(Locale.ROOT, "; G1 region size %,d bytes", Long.parseLong(region)));
        } catch (RuntimeException e) {
            // not HotSpot: the collectors' names say enough
        }
        return gc.toString();
    }

    private static long scoreAll(TextScorer scorer, List<LabelledText> texts) {
        long sink = 0;
        for (LabelledText text : texts) {
            sink += scorer.score(text.text()).label().ordinal();
        }
        return sink;
    }

    private static TrainingProgress epochs(String what) {
        return (epoch, epochs, loss) -> Progress.say("model: %s, epoch %d of %d, loss %.4f", what, epoch, epochs, loss);
    }

    /**
     * Used heap after full GCs, repeated until two readings agree within 64 KiB (at most ten): a
     * single {@code System.gc()} may leave garbage that a second one frees.
     */
    static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** What a piece of work returned, its wall time and the CPU time of the thread that did it. */
    record Timed<T>(T value, double seconds, double cpuSeconds) {
        static <T> Timed<T> of(Supplier<T> work) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            T value = work.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            return new Timed<>(value, seconds, cpu);
        }
    }
}
