package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.session.MeasurementInterruptedException;
import dev.lighttrack.bench.session.PlanProgress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.run.ModelResolver;
import dev.lighttrack.bench.run.RunSettings;
import dev.lighttrack.bench.space.SearchSpace;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LutBuilderTest {
    static final RunSettings CPU = new RunSettings("cpu", "fp32", 2, 5, 0, 1, null, 0);
    static final int FIT = 4;

    @TempDir
    Path dir;

    LutBuilder builder(ScriptedTarget target, RunSettings settings, int batchSize) {
        return new LutBuilder(target, settings, new OpModelCache(dir.resolve("ops"), 0),
                new ModelResolver(dir.resolve("models")), batchSize, PlanProgress.SILENT);
    }

    LutBuilder.Request request(Path file) {
        return new LutBuilder.Request(file, SearchSpace.MOBILE, 256, 128, FIT, 7, LutStatistic.P50);
    }

    Set<String> catalogNames() {
        return OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).keySet().stream()
                .map(s -> OpModelCache.fileSafe(s.value())).collect(Collectors.toSet());
    }

    @Test
    void measuresEveryCatalogOpInBatchesAndFitsTheOverheadToWholeSubnets() {
        Path file = dir.resolve("t.json");
        ScriptedTarget target = ScriptedTarget.sd845();
        LutBuilder.Result r = builder(target, CPU, 16).build(request(file));

        int ops = OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).size();
        assertEquals(ops, r.entries());
        assertEquals(ops, r.opsMeasured());
        assertEquals(FIT, r.wholeModelsMeasured());
        assertEquals(ops + FIT, target.measured.size());
        assertTrue(target.batchSizes.stream().allMatch(n -> n <= 16), target.batchSizes.toString());
        assertEquals((ops + 15) / 16 + 1, target.batchSizes.size(), "one runner process per batch");
        assertEquals(target.batchSizes.size(), target.coolWaits, "every batch waits for the thermal gate");

        LutTable saved = LutFiles.read(file);
        assertEquals(r.table(), saved);
        assertEquals(ops, saved.entries().size());
        assertEquals("0.1.0", saved.key().runnerVersion());
        assertEquals("google/test/test:14/UQ1A/1:user/release-keys", saved.key().buildFingerprint());
        for (LutOp op : OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).values()) {
            LutEntry e = saved.entries().get(op.signature().value());
            long law = ScriptedTarget.MODEL_NS + Math.round(op.cost().macs() * ScriptedTarget.NS_PER_MAC);
            assertEquals(law / 1000.0, e.p50Us(), 1e-9, op.signature().value());
            assertTrue(e.p10Us() < e.p50Us() && e.p50Us() < e.p90Us());
            assertEquals(7, e.samples());
            assertEquals(op.cost().macs(), e.macs());
        }
        // whole subnet = law + extra, each entry carries one model cost: residual = extra + model - ops * model
        // (to within the law's rounding to whole ns per model)
        LutFit fit = saved.fit();
        assertEquals(FIT, fit.subnets());
        assertEquals((ScriptedTarget.MODEL_NS + ScriptedTarget.WHOLE_EXTRA_NS) / 1000.0, fit.overheadUs(), 0.05);
        assertEquals(-ScriptedTarget.MODEL_NS / 1000.0, fit.perOpUs(), 0.005);
        assertTrue(fit.rmsResidualUs() < 0.05, fit.toString());
    }

    @Test
    void anotherStatisticOnACompleteTableRefitsWithoutMeasuring() {
        Path file = dir.resolve("t.json");
        builder(ScriptedTarget.sd845(), CPU, 64).build(request(file));
        ScriptedTarget again = ScriptedTarget.sd845();
        LutBuilder.Result r = builder(again, CPU, 64).build(
                new LutBuilder.Request(file, SearchSpace.MOBILE, 256, 128, FIT, 7, LutStatistic.P10));
        assertEquals(List.of(), again.measured);
        assertEquals(LutStatistic.P10, LutFiles.read(file).statistic());
        // the scripted p10 is 0.986 of the law (7 samples, linear interpolation), entries and whole runs alike
        assertEquals(-0.986 * ScriptedTarget.MODEL_NS / 1000.0, r.table().fit().perOpUs(), 0.01);
        assertEquals(0.986 * (ScriptedTarget.MODEL_NS + ScriptedTarget.WHOLE_EXTRA_NS) / 1000.0,
                r.table().fit().overheadUs(), 0.1);
    }

    @Test
    void wholeRunsSavedWithoutP10AreMeasuredAgainForAP10Table() {
        Path file = dir.resolve("t.json");
        LutTable full = builder(ScriptedTarget.sd845(), CPU, 64).build(request(file)).table();
        LutTable old = full;
        for (WholeModelRun w : full.wholeModels()) {
            old = old.with(new WholeModelRun(w.arch(), w.macs(), w.p50Us(), null, w.samples()), "t");
        }
        LutFiles.write(old, file);
        ScriptedTarget again = ScriptedTarget.sd845();
        LutBuilder.Result r = builder(again, CPU, 64).build(
                new LutBuilder.Request(file, SearchSpace.MOBILE, 256, 128, FIT, 7, LutStatistic.P10));
        assertEquals(0, r.opsMeasured());
        assertEquals(FIT, r.wholeModelsMeasured());
        assertTrue(r.table().fit().scale() > 0.9, r.table().fit().toString());
    }

    @Test
    void aRerunAfterAnInterruptionMeasuresOnlyTheRest() {
        Path file = dir.resolve("t.json");
        ScriptedTarget first = ScriptedTarget.sd845().failingAfter(37);
        MeasurementInterruptedException e = assertThrows(MeasurementInterruptedException.class,
                () -> builder(first, CPU, 16).build(request(file)));
        assertTrue(e.getMessage().contains("after 37 of") && e.getMessage().contains("rerun"), e.getMessage());
        assertEquals(37, LutFiles.read(file).entries().size(), "every finished entry is saved");

        ScriptedTarget second = ScriptedTarget.sd845();
        LutBuilder.Result r = builder(second, CPU, 16).build(request(file));
        Set<String> firstOps = new HashSet<>(first.measured);
        Set<String> secondOps = new HashSet<>(second.measured.subList(0, r.opsMeasured()));
        assertEquals(r.entries() - 37, r.opsMeasured());
        assertTrue(secondOps.stream().noneMatch(firstOps::contains), "nothing is measured twice");
        Set<String> all = new HashSet<>(firstOps);
        all.addAll(secondOps);
        assertEquals(catalogNames(), all);
        assertEquals(r.entries(), LutFiles.read(file).entries().size());

        ScriptedTarget third = ScriptedTarget.sd845();
        LutBuilder.Result again = builder(third, CPU, 16).build(request(file));
        assertEquals(List.of(), third.measured, "a complete table measures nothing");
        assertEquals(0, again.opsMeasured());
    }

    @Test
    void anInterruptionAmongTheWholeSubnetsKeepsTheOpsAndTheFinishedSubnets() {
        Path file = dir.resolve("t.json");
        int ops = OpCatalog.enumerate(SearchSpace.MOBILE, 256, 128).size();
        assertThrows(MeasurementInterruptedException.class,
                () -> builder(ScriptedTarget.sd845().failingAfter(ops + 2), CPU, 16).build(request(file)));
        LutTable partial = LutFiles.read(file);
        assertEquals(ops, partial.entries().size());
        assertEquals(2, partial.wholeModels().size());
        assertEquals(null, partial.fit());
        ScriptedTarget rest = ScriptedTarget.sd845();
        builder(rest, CPU, 16).build(request(file));
        assertEquals(FIT - 2, rest.measured.size());
    }

    @Test
    void aTableOfAnotherDeviceBackendOrRunnerIsRefusedNamingTheFields() {
        Path file = dir.resolve("t.json");
        builder(ScriptedTarget.sd845(), CPU, 64).build(request(file));

        ScriptedTarget other = new ScriptedTarget(ScriptedTarget.info("sd855", "SM8150"), "0.1.0");
        BenchException e = assertThrows(BenchException.class,
                () -> builder(other, CPU, 64).build(request(file)));
        assertTrue(e.getMessage().contains("profile: table sd845, here sd855")
                && e.getMessage().contains("soc: table SDM845, here SM8150"), e.getMessage());
        assertEquals(List.of(), other.measured);

        RunSettings gpu = new RunSettings("gpu", "fp32", 2, 5, 0, 1, null, 0);
        ScriptedTarget sameDevice = ScriptedTarget.sd845();
        e = assertThrows(BenchException.class, () -> builder(sameDevice, gpu, 64).build(request(file)));
        assertTrue(e.getMessage().contains("backend: table cpu, here gpu"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        // the runner version is only known from a result; nothing of the new runner is saved
        Path partial = dir.resolve("p.json");
        assertThrows(MeasurementInterruptedException.class,
                () -> builder(ScriptedTarget.sd845().failingAfter(3), CPU, 64).build(request(partial)));
        ScriptedTarget newer = new ScriptedTarget(ScriptedTarget.info("sd845", "SDM845"), "0.2.0");
        e = assertThrows(BenchException.class, () -> builder(newer, CPU, 64).build(request(partial)));
        assertTrue(e.getMessage().contains("runner version: table 0.1.0, here 0.2.0"), e.getMessage());
        assertEquals(3, LutFiles.read(partial).entries().size());
    }
}
