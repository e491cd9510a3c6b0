package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A virtual sd845 device for one test class ({@code @RegisterExtension static}), in a sandbox of its own. */
final class TestDevice implements BeforeAllCallback, AfterAllCallback {
    private Path work;
    private VirtualDevice device;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory("ltbench-test-device");
        device = VirtualDevice.start(TestProfiles.sd845(work.resolve("sandbox")));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (device != null) {
            device.close();
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    VirtualDevice get() {
        return device;
    }

    /** A scratch folder of the test class, beside the sandbox. */
    Path work() {
        return work;
    }
}
