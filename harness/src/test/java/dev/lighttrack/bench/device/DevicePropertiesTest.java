package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevicePropertiesTest {
    static final String GETPROP = String.join("\n",
            "[dalvik.vm.heapsize]: [512m]",
            "[ro.board.platform]: [sdm845]",
            "[ro.build.description]: [first line",
            "second line]",
            "[ro.hardware]: [blueline]",
            "[ro.product.cpu.abi]: [arm64-v8a]",
            "[ro.product.model]: [Pixel 3]",
            "[ro.soc.model]: []",
            "");

    @Test
    void parsesGetpropIncludingMultiLineValues() {
        DeviceProperties p = DeviceProperties.parseGetprop(GETPROP);
        assertEquals(Optional.of("Pixel 3"), p.model());
        assertEquals(Optional.of("arm64-v8a"), p.abi());
        assertEquals(Optional.of("first line\nsecond line"), p.get("ro.build.description"));
        assertEquals(Optional.empty(), p.socModel(), "empty values count as unset");
        assertEquals(Optional.of("sdm845"), p.soc(), "the platform stands in for a missing ro.soc.model");
    }

    @Test
    void socModelWinsOverThePlatform() {
        DeviceProperties p = DeviceProperties.parseGetprop("[ro.soc.model]: [SM8450]\r\n[ro.board.platform]: [taro]\r\n");
        assertEquals(Optional.of("SM8450"), p.soc());
        assertEquals(Optional.of("taro"), p.boardPlatform());
    }
}
