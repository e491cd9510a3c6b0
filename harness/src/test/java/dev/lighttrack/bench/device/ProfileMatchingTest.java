package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.device.profile.DeviceProfile;
import dev.lighttrack.bench.device.profile.ProfileCatalog;
import dev.lighttrack.bench.device.profile.ProfileLoader;
import dev.lighttrack.bench.errors.BenchException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ProfileMatcher and DeviceSelector against the shipped profiles and made-up attached devices. */
class ProfileMatchingTest {
    private final ProfileCatalog catalog = new ProfileLoader().loadDefault();
    private final ProfileMatcher matcher = new ProfileMatcher(catalog);
    private static final AdbServerAddress SERVER = new AdbServerAddress("localhost", 5037);

    @Test
    void matchesBySocModelThenPlatformThenHardware() {
        assertEquals("sd8gen1", match(Map.of("ro.soc.model", "SM8450", "ro.board.platform", "taro")));
        assertEquals("sd845", match(Map.of("ro.board.platform", "SDM845")), "case is ignored");
        assertEquals("sd855", match(Map.of("ro.board.platform", "msmnile")));
        assertEquals("sd855", match(Map.of("ro.hardware", "flame")));
        assertEquals("sd8gen3", match(Map.of("ro.soc.model", "SM8650", "ro.board.platform", "somethingelse")));
        assertEquals(Optional.empty(), matcher.match(new DeviceProperties(Map.of("ro.board.platform", "mt6893"))));
        assertEquals(Optional.empty(), matcher.match(DeviceProperties.NONE));
    }

    @Test
    void aProfileNameSelectsEveryMatchingOnlineDevice() {
        List<AttachedDevice> attached = List.of(online("A", "sdm845"), online("B", "sdm845"), online("C", "kona"),
                offline("D", DeviceState.UNAUTHORIZED));
        DeviceSelection selection = selector(attached).select("sd845", Optional.empty());
        assertEquals(List.of("A", "B"), selection.devices().stream().map(AttachedDevice::serial).toList());
        assertEquals("sd845", selection.profile().name());
        assertEquals(List.of("B"), selector(attached).select("sd845", Optional.of("B")).devices().stream()
                .map(AttachedDevice::serial).toList());
    }

    @Test
    void noMatchSaysWhatIsAttachedAndWhichProfilesExist() {
        List<AttachedDevice> attached = List.of(online("C", "kona"), offline("D", DeviceState.UNAUTHORIZED));
        BenchException e = assertThrows(BenchException.class,
                () -> selector(attached).select("sd845", Optional.empty()));
        assertEquals("no attached device matches profile sd845; attached: C (Phone C, kona, profile sd865), "
                + "D (unauthorized); profiles: host, sd845, sd855, sd865, sd888, sd8gen1, sd8gen2, sd8gen3", e.getMessage());
    }

    @Test
    void unknownSpecListsProfiles() {
        BenchException e = assertThrows(BenchException.class,
                () -> selector(List.of()).select("pixel", Optional.empty()));
        assertEquals("device 'pixel' is unknown: give a profile name (host, sd845, sd855, sd865, sd888, sd8gen1, "
                + "sd8gen2, sd8gen3), host, virtual:PROFILE, or auto", e.getMessage());
    }

    @Test
    void autoTakesTheOnlyOnlineDeviceElseTheHost() {
        DeviceSelection one = selector(List.of(online("A", "lahaina"), offline("D", DeviceState.OFFLINE)))
                .select("auto", Optional.empty());
        assertEquals("sd888", one.profile().name());
        assertEquals("A", one.devices().get(0).serial());

        DeviceSelection none = selector(List.of(offline("D", DeviceState.OFFLINE))).select("auto", Optional.empty());
        assertTrue(none.isHost());
        assertEquals("host", none.profile().name());

        BenchException two = assertThrows(BenchException.class,
                () -> selector(List.of(online("A", "lahaina"), online("B", "taro"))).select("auto", Optional.empty()));
        assertTrue(two.getMessage().startsWith("device auto needs exactly one online device, but 2 are attached"),
                two.getMessage());

        BenchException unprofiled = assertThrows(BenchException.class,
                () -> selector(List.of(online("M", "mt6893"))).select("auto", Optional.empty()));
        assertTrue(unprofiled.getMessage().startsWith("device M (Phone M, mt6893, no profile) matches no profile"),
                unprofiled.getMessage());
    }

    @Test
    void hostNeedsNoDeviceListing() {
        DeviceSelector selector = new DeviceSelector(catalog, () -> {
            throw new AssertionError("host must not list devices");
        });
        assertTrue(selector.select("host", Optional.empty()).isHost());
    }

    private String match(Map<String, String> props) {
        return matcher.match(new DeviceProperties(props)).map(DeviceProfile::name).orElse("none");
    }

    private DeviceSelector selector(List<AttachedDevice> attached) {
        return new DeviceSelector(catalog, () -> attached);
    }

    private AttachedDevice online(String serial, String platform) {
        DeviceProperties props = new DeviceProperties(Map.of("ro.board.platform", platform, "ro.product.model", "Phone " + serial));
        return new AttachedDevice(SERVER, serial, DeviceState.DEVICE, props, matcher.match(props), Optional.empty());
    }

    private static AttachedDevice offline(String serial, DeviceState state) {
        return new AttachedDevice(SERVER, serial, state, DeviceProperties.NONE, Optional.empty(), Optional.empty());
    }
}
