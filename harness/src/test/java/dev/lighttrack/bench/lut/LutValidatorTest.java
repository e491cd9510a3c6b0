package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.session.PlanProgress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.SearchSpace;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LutValidatorTest {
    @TempDir
    Path dir;

    LutTable built() {
        Path file = dir.resolve("t.json");
        new LutBuilder(ScriptedTarget.sd845(), LutBuilderTest.CPU, new OpModelCache(dir.resolve("ops"), 0),
                new ModelResolver(dir.resolve("models")), 32, PlanProgress.SILENT)
                .build(new LutBuilder.Request(file, SearchSpace.MOBILE, 256, 128, 4, 7, LutStatistic.P50));
        return LutFiles.read(file);
    }

    LutValidator validator(ScriptedTarget target, RunSettings settings) {
        return new LutValidator(target, settings, new ModelResolver(dir.resolve("models")), 4, PlanProgress.SILENT);
    }

    @Test
    void predictionsOfALawTheFitCapturesAreExactAndRankLikeTheMeasurements() {
        LutTable table = built();
        List<Architecture> archs = LutValidator.sample(table, 6, 1);
        assertEquals(6, new HashSet<>(archs.stream().map(ArchStringCodec::format).toList()).size());
        ScriptedTarget target = ScriptedTarget.sd845();
        LutValidator.Result r = validator(target, LutBuilderTest.CPU).validate(table, "t.json", archs, false);
        assertEquals(6, target.measured.size());
        assertEquals(List.of(4, 2), target.batchSizes);
        assertEquals(6, r.rows().size());
        assertEquals(1.0, r.accuracy().within5pct());
        assertEquals(1.0, r.accuracy().kendallTau(), 1e-9);
        assertTrue(r.accuracy().rmseUs() < 0.1, r.accuracy().toString());
        // the law is linear in MACs, so MACs rank the subnets perfectly as well
        assertEquals(1.0, r.macsKendallTau(), 1e-9);
        for (LutValidator.Row row : r.rows()) {
            assertEquals(row.measuredUs(), row.predictedUs(), 0.1, row.arch());
        }
        assertEquals(null, r.retest());
    }

    @Test
    void aRetestMeasuresEverySubnetAgainInReverseOrder() {
        LutTable table = built();
        List<Architecture> archs = LutValidator.sample(table, 5, 3);
        ScriptedTarget target = ScriptedTarget.sd845();
        LutValidator.Result r = validator(target, LutBuilderTest.CPU).validate(table, "t.json", archs, true);
        assertEquals(10, target.measured.size());
        List<String> firstPass = target.measured.subList(0, 5);
        List<String> secondPass = new java.util.ArrayList<>(target.measured.subList(5, 10));
        java.util.Collections.reverse(secondPass);
        assertEquals(firstPass, secondPass);
        // the scripted target has no noise: the retest agrees exactly
        assertEquals(1.0, r.retest().within5pct());
        assertEquals(0, r.retest().rmseUs(), 1e-9);
        r.rows().forEach(row -> assertEquals(row.measuredUs(), row.retestUs(), 1e-9));
    }

    @Test
    void aTableOfAnotherBackendOrRunnerIsRefused() {
        LutTable table = built();
        List<Architecture> archs = LutValidator.sample(table, 3, 2);
        ScriptedTarget gpuTarget = ScriptedTarget.sd845();
        RunSettings gpu = new RunSettings("gpu", "fp32", 2, 5, 0, 1, null, 0);
        BenchException e = assertThrows(BenchException.class,
                () -> validator(gpuTarget, gpu).validate(table, "t.json", archs, false));
        assertTrue(e.getMessage().contains("backend: table cpu, here gpu"), e.getMessage());
        assertEquals(List.of(), gpuTarget.measured, "refused before measuring");

        ScriptedTarget newer = new ScriptedTarget(ScriptedTarget.info("sd845", "SDM845"), "0.2.0");
        e = assertThrows(BenchException.class,
                () -> validator(newer, LutBuilderTest.CPU).validate(table, "t.json", archs, false));
        assertTrue(e.getMessage().contains("runner version: table 0.1.0, here 0.2.0"), e.getMessage());
    }

    @Test
    void fewerThanTwoSamplesIsRefused() {
        BenchException e = assertThrows(BenchException.class,
                () -> LutValidator.sample(LatencyPredictorTest.table(LatencyPredictorTest.FIT), 1, 0));
        assertTrue(e.getMessage().contains("samples must be at least 2"), e.getMessage());
    }
}
