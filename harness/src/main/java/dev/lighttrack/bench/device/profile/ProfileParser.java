package dev.lighttrack.bench.device.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one profile YAML file and checks every field; a problem is one error naming file, field and reason. */
public final class ProfileParser {
    static final double MIN_THRESHOLD_C = 20;
    static final double MAX_THRESHOLD_C = 120;
    private static final int MAX_CORE = 255;
    private static final long MIN_KHZ = 100_000;
    private static final long MAX_KHZ = 10_000_000;
    private static final String NAME_PATTERN = "[a-z0-9][a-z0-9_-]*";

    private final YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** Parses {@code file}; the profile's name must equal the file's base name. */
    public DeviceProfile parse(Path file) {
        String display = file.toString();
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw BenchException.badInput(display + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(display + ": cannot read: " + IoReason.of(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw BenchException.badInput(display + ": empty profile");
        }
        String fileName = file.getFileName().toString();
        String expectedName = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return profile(new YamlField(display, "", root), expectedName, file);
    }

    private DeviceProfile profile(YamlField doc, String expectedName, Path file) {
        doc.mapping(Set.of("name", "description", "kind", "match", "soc", "cpu", "backends", "thermal", "sysfs"));
        YamlField nameField = doc.required("name");
        String name = nameField.string();
        if (!name.matches(NAME_PATTERN)) {
            throw nameField.error("must be lower-case letters, digits, '-' or '_', got '" + name + "'");
        }
        if (!name.equals(expectedName)) {
            throw nameField.error("must equal the file name '" + expectedName + "', got '" + name + "'");
        }
        String description = doc.required("description").string();
        YamlField kindField = doc.required("kind");
        ProfileKind kind = switch (kindField.string()) {
            case "android" -> ProfileKind.ANDROID;
            case "host" -> ProfileKind.HOST;
            default -> throw kindField.error("must be android or host, got '" + kindField.string() + "'");
        };
        if ((kind == ProfileKind.HOST) != name.equals(DeviceProfile.HOST)) {
            throw kindField.error("kind host is reserved for (and required by) the profile named '" + DeviceProfile.HOST + "'");
        }
        boolean android = kind == ProfileKind.ANDROID;
        MatchRule match = match(doc.optional("match"), android, doc);
        SocInfo soc = soc(doc.required("soc"));
        YamlField cpu = doc.required("cpu").mapping(Set.of("clusters", "big_cores"));
        List<CpuCluster> clusters = clusters(cpu.required("clusters"), android);
        List<Integer> bigCores = bigCores(cpu.required("big_cores"), clusters, android);
        Map<Backend, String> backends = backends(doc.required("backends"));
        ThermalPolicy thermal = thermal(doc.required("thermal"), android);
        SysfsNodes sysfs = sysfs(doc.required("sysfs"), clusters, android);
        return new DeviceProfile(name, description, kind, file, match, soc, clusters, bigCores, backends, thermal, sysfs);
    }

    private static MatchRule match(Optional<YamlField> field, boolean android, YamlField doc) {
        if (field.isEmpty()) {
            if (android) {
                throw doc.missing("match", "the ro.soc.model / ro.board.platform / ro.hardware values of the device");
            }
            return new MatchRule(List.of(), List.of(), List.of());
        }
        YamlField m = field.get().mapping(Set.of("soc_model", "board_platform", "hardware"));
        MatchRule rule = new MatchRule(
                m.optional("soc_model").map(YamlField::stringList).orElse(List.of()),
                m.optional("board_platform").map(YamlField::stringList).orElse(List.of()),
                m.optional("hardware").map(YamlField::stringList).orElse(List.of()));
        if (android && rule.isEmpty()) {
            throw field.get().error("must list at least one soc_model, board_platform or hardware value");
        }
        if (!android && !rule.isEmpty()) {
            throw field.get().error("must be empty for the host profile (it is chosen only by the device spec host)");
        }
        return rule;
    }

    private static SocInfo soc(YamlField field) {
        YamlField s = field.mapping(Set.of("name", "part", "gpu", "dsp"));
        return new SocInfo(s.required("name").string(), s.required("part").string(),
                s.optional("gpu").map(YamlField::string).orElse(""), s.optional("dsp").map(YamlField::string).orElse(""));
    }

    private static List<CpuCluster> clusters(YamlField field, boolean android) {
        List<YamlField> items = field.list();
        if (android && items.isEmpty()) {
            throw field.error("must list at least one cluster");
        }
        List<CpuCluster> clusters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, String> owner = new HashMap<>();
        for (YamlField item : items) {
            item.mapping(Set.of("name", "cores", "core_type", "max_khz"));
            YamlField nameField = item.required("name");
            String name = nameField.string();
            if (!names.add(name)) {
                throw nameField.error("duplicate cluster name '" + name + "'");
            }
            YamlField coresField = item.required("cores");
            List<Integer> cores = coreList(coresField);
            if (cores.isEmpty()) {
                throw coresField.error("must list at least one core");
            }
            for (int core : cores) {
                String previous = owner.putIfAbsent(core, name);
                if (previous != null) {
                    throw coresField.error("core " + core + " is already in cluster '" + previous + "'");
                }
            }
            clusters.add(new CpuCluster(name, cores, item.required("core_type").string(),
                    item.required("max_khz").integer(MIN_KHZ, MAX_KHZ)));
        }
        return clusters;
    }

    private static List<Integer> bigCores(YamlField field, List<CpuCluster> clusters, boolean android) {
        List<Integer> bigCores = coreList(field);
        if (android && bigCores.isEmpty()) {
            throw field.error("must list at least one core (the cores a benchmark is pinned to)");
        }
        Set<Integer> known = new HashSet<>();
        clusters.forEach(c -> known.addAll(c.cores()));
        for (int core : bigCores) {
            if (!known.contains(core)) {
                throw field.error("core " + core + " is not in any cluster (clusters have cores "
                        + known.stream().sorted().toList() + ")");
            }
        }
        return bigCores;
    }

    private static List<Integer> coreList(YamlField field) {
        List<Integer> cores = new ArrayList<>();
        for (YamlField item : field.list()) {
            int core = (int) item.integer(0, MAX_CORE);
            if (cores.contains(core)) {
                throw field.error("core " + core + " is listed twice");
            }
            cores.add(core);
        }
        return cores;
    }

    private static Map<Backend, String> backends(YamlField field) {
        Map<Backend, String> backends = new EnumMap<>(Backend.class);
        for (Map.Entry<String, YamlField> entry : field.entries()) {
            Backend backend;
            try {
                backend = Backend.parse(entry.getKey());
            } catch (BenchException e) {
                throw entry.getValue().error("unknown backend (known: " + Backend.names() + ")");
            }
            String engine = entry.getValue().string().toLowerCase(Locale.ROOT);
            if (!engine.equals(backend.engine())) {
                throw entry.getValue().error("the " + backend.id() + " backend runs on engine " + backend.engine()
                        + ", got '" + engine + "'");
            }
            backends.put(backend, engine);
        }
        if (backends.isEmpty()) {
            throw field.error("must offer at least one backend (" + Backend.names() + ")");
        }
        return backends;
    }

    private static ThermalPolicy thermal(YamlField field, boolean android) {
        YamlField t = field.mapping(Set.of("zones", "cooldown"));
        YamlField zonesField = t.required("zones");
        List<ThermalZone> zones = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlField item : zonesField.list()) {
            ThermalZone zone = zone(item, android);
            if (!names.add(zone.name())) {
                throw item.required("name").error("duplicate zone name '" + zone.name() + "'");
            }
            zones.add(zone);
        }
        if (android && zones.isEmpty()) {
            throw zonesField.error("must list at least one zone to gate runs on");
        }
        YamlField c = t.required("cooldown").mapping(Set.of("max_wait_s", "poll_interval_s"));
        long maxWait = c.required("max_wait_s").integer(1, 3600);
        YamlField pollField = c.required("poll_interval_s");
        long poll = pollField.integer(1, 300);
        if (poll > maxWait) {
            throw pollField.error("must not exceed max_wait_s (" + maxWait + "), got " + poll);
        }
        return new ThermalPolicy(zones, new Cooldown(Duration.ofSeconds(maxWait), Duration.ofSeconds(poll)));
    }

    private static ThermalZone zone(YamlField item, boolean android) {
        item.mapping(Set.of("name", "type", "path", "threshold_c", "scale", "sample"));
        String name = item.required("name").string();
        List<String> types = item.optional("type").map(ProfileParser::typeNames).orElse(List.of());
        Optional<String> path = item.optional("path").map(ProfileParser::sysfsPath);
        if (types.isEmpty() == path.isEmpty()) {
            throw item.error("give exactly one of 'type' (thermal zone type name) or 'path' (sysfs file)");
        }
        path.ifPresent(p -> {
            if (p.contains(PerCoreSysfsNode.CORE_PLACEHOLDER)) {
                throw item.required("path").error("a zone path names one file; {N} is only for per-core nodes");
            }
        });
        double threshold = item.required("threshold_c").number(MIN_THRESHOLD_C, MAX_THRESHOLD_C);
        int scale = item.optional("scale").map(f -> (int) f.integer(1, 1000)).orElse(1000);
        Optional<String> sample = sample(item, android);
        return new ThermalZone(name, types, path, threshold, scale, sample);
    }

    /** One type name, or a list of candidates for kernels that name the zone differently. */
    private static List<String> typeNames(YamlField field) {
        List<YamlField> names = field.isList() ? field.list() : List.of(field);
        if (names.isEmpty()) {
            throw field.error("must name at least one thermal zone type");
        }
        return names.stream().map(ProfileParser::singleLine).toList();
    }

    private static SysfsNodes sysfs(YamlField field, List<CpuCluster> clusters, boolean android) {
        YamlField s = field.mapping(Set.of("cpu_cur_freq_khz", "cpu_max_freq_khz", "cpu_governor", "gpu_cur_freq_hz",
                "gpu_governor", "battery_level", "battery_temp_decic"));
        return new SysfsNodes(
                perCore(s.required("cpu_cur_freq_khz"), clusters, android),
                s.optional("cpu_max_freq_khz").map(f -> perCore(f, clusters, android)),
                perCore(s.required("cpu_governor"), clusters, android),
                s.optional("gpu_cur_freq_hz").map(f -> node(f, android)),
                s.optional("gpu_governor").map(f -> node(f, android)),
                s.optional("battery_level").map(f -> node(f, android)).orElseGet(SysfsNodes::defaultBatteryLevel),
                s.optional("battery_temp_decic").map(f -> node(f, android)).orElseGet(SysfsNodes::defaultBatteryTemp));
    }

    private static SysfsNode node(YamlField field, boolean android) {
        field.mapping(Set.of("path", "sample"));
        YamlField pathField = field.required("path");
        String path = sysfsPath(pathField);
        if (path.contains(PerCoreSysfsNode.CORE_PLACEHOLDER)) {
            throw pathField.error("{N} is only for per-core nodes (cpu_*)");
        }
        return new SysfsNode(path, sample(field, android));
    }

    private static PerCoreSysfsNode perCore(YamlField field, List<CpuCluster> clusters, boolean android) {
        field.mapping(Set.of("path", "sample"));
        YamlField pathField = field.required("path");
        String path = sysfsPath(pathField);
        if (!path.contains(PerCoreSysfsNode.CORE_PLACEHOLDER)) {
            throw pathField.error("a per-core node needs {N} where the core number goes, got '" + path + "'");
        }
        Map<String, String> samples = new LinkedHashMap<>();
        Optional<YamlField> sampleField = field.optional("sample");
        if (sampleField.isEmpty()) {
            if (android) {
                throw field.missing("sample", "the value a virtual device answers");
            }
        } else if (sampleField.get().isMapping()) {
            Set<String> clusterNames = new HashSet<>(clusters.stream().map(CpuCluster::name).toList());
            sampleField.get().mapping(clusterNames);
            for (CpuCluster cluster : clusters) {
                samples.put(cluster.name(), sampleField.get().required(cluster.name()).scalarText());
            }
        } else {
            String value = sampleField.get().scalarText();
            clusters.forEach(cluster -> samples.put(cluster.name(), value));
        }
        return new PerCoreSysfsNode(path, samples);
    }

    private static Optional<String> sample(YamlField field, boolean android) {
        Optional<YamlField> sample = field.optional("sample");
        if (sample.isEmpty() && android) {
            throw field.missing("sample", "the value a virtual device answers");
        }
        return sample.map(YamlField::scalarText);
    }

    private static String sysfsPath(YamlField field) {
        String path = singleLine(field);
        if (!path.startsWith("/") || path.contains(" ")) {
            throw field.error("must be an absolute path without spaces, got '" + path + "'");
        }
        return path;
    }

    /** Readers print values tab-separated, one per line, so names must not contain either. */
    private static String singleLine(YamlField field) {
        String value = field.string();
        if (value.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
            throw field.error("must not contain tabs or line breaks");
        }
        return value;
    }
}
