package dev.lighttrack.bench.device.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.errors.BenchException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One value of a parsed YAML document with its dotted path, so that every validation error can name the file,
 * the field and the reason in one line.
 */
final class YamlField {
    private final String file;
    private final String path;
    private final JsonNode node;

    YamlField(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    BenchException error(String reason) {
        return BenchException.badInput(file + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    }

    /** This value as a mapping with only the {@code allowed} keys. */
    YamlField mapping(Set<String> allowed) {
        if (!node.isObject()) {
            throw error("must be a mapping of fields, got " + describe(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name, node.get(name)).error("unknown field (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    YamlField required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw child(name, value).error("missing field");
        }
        return child(name, value);
    }

    /** The error for a field that must be present, with why it is needed. */
    BenchException missing(String name, String why) {
        return child(name, null).error("missing field (" + why + ")");
    }

    Optional<YamlField> optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(name, value));
    }

    String string() {
        if (!node.isTextual()) {
            throw error("must be a string, got " + describe(node));
        }
        if (node.asText().isBlank()) {
            throw error("must not be empty");
        }
        return node.asText();
    }

    /** A string or a number, as text (sample values may be written either way). */
    String scalarText() {
        if (!(node.isTextual() || node.isNumber() || node.isBoolean())) {
            throw error("must be a string or a number, got " + describe(node));
        }
        return node.asText();
    }

    long integer(long min, long max) {
        if (!node.isIntegralNumber()) {
            throw error("must be an integer, got " + describe(node));
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    double number(double min, double max) {
        if (!node.isNumber()) {
            throw error("must be a number, got " + describe(node));
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            throw error("must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value));
        }
        return value;
    }

    List<YamlField> list() {
        if (!node.isArray()) {
            throw error("must be a list, got " + describe(node));
        }
        List<YamlField> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlField(file, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    List<String> stringList() {
        return list().stream().map(YamlField::string).toList();
    }

    boolean isList() {
        return node.isArray();
    }

    boolean isMapping() {
        return node.isObject();
    }

    /** The entries of a mapping whose keys are data (e.g. backend names), in file order. */
    List<Map.Entry<String, YamlField>> entries() {
        if (!node.isObject()) {
            throw error("must be a mapping, got " + describe(node));
        }
        List<Map.Entry<String, YamlField>> entries = new ArrayList<>();
        node.fields().forEachRemaining(e -> entries.add(Map.entry(e.getKey(), child(e.getKey(), e.getValue()))));
        return entries;
    }

    private YamlField child(String name, JsonNode value) {
        return new YamlField(file, path.isEmpty() ? name : path + "." + name, value);
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "string '" + node.asText() + "'";
        }
        if (node.isNumber()) {
            return "number " + node.asText();
        }
        if (node.isBoolean()) {
            return "boolean " + node.asText();
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
