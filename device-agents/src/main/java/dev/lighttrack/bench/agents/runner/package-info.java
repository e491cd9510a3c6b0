/**
 * The runner in this process through JNA: {@link dev.lighttrack.bench.agents.runner.NativeRunner} over the C ABI
 * of {@code native/src/ltrunner.h} ({@link dev.lighttrack.bench.agents.runner.LtRunnerLibrary}), with the library
 * bundled in this jar for linux-x86-64 and the x86_64 agent executable at resource {@code agents/x86_64/ltrunner}.
 */
package dev.lighttrack.bench.agents.runner;
