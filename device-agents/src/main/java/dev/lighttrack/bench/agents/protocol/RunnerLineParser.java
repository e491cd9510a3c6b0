package dev.lighttrack.bench.agents.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Parses the runner's JSON lines. A line that is not protocol JSON is an error naming the line. */
public final class RunnerLineParser {
    /** The protocol major version this host speaks. */
    public static final int PROTOCOL_MAJOR = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    public RunnerEvent parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("runner printed a line that is not JSON: " + abbreviate(line));
        }
        if (n == null || !n.isObject() || !n.path("type").isTextual()) {
            throw new ProtocolException("runner printed a line without a \"type\": " + abbreviate(line));
        }
        String model = n.hasNonNull("model") ? n.get("model").asText() : null;
        String type = n.get("type").asText();
        switch (type) {
            case "header" -> {
                int version = n.path("protocol_version").asInt(-1);
                if (version != PROTOCOL_MAJOR) {
                    throw new ProtocolException("runner speaks protocol version " + n.path("protocol_version").asText("?")
                            + ", this host speaks " + PROTOCOL_MAJOR + ": deploy the runner built with this bench");
                }
                return new RunnerEvent.Header(model, version, n.path("runner_version").asText(null),
                        n.path("engine").asText(null), n.path("backend").asText(null),
                        n.path("model_sha256").asText(null), optLong(n, "load_ns"), MAPPER.convertValue(n, MAP));
            }
            case "samples" -> {
                JsonNode arr = n.path("ns");
                if (!arr.isArray()) {
                    throw new ProtocolException("runner samples line has no \"ns\" array: " + abbreviate(line));
                }
                long[] ns = new long[arr.size()];
                for (int i = 0; i < ns.length; i++) {
                    if (!arr.get(i).canConvertToLong() || arr.get(i).asLong() <= 0) {
                        throw new ProtocolException("runner sample " + arr.get(i) + " is not a positive integer of ns");
                    }
                    ns[i] = arr.get(i).asLong();
                }
                return new RunnerEvent.Samples(model, n.path("round").asInt(-1), ns);
            }
            case "round" -> {
                if (!n.path("round").canConvertToInt() || n.path("round").asInt() < 0) {
                    throw new ProtocolException("runner round line has no round number: " + abbreviate(line));
                }
                return new RunnerEvent.Round(model, n.path("round").asInt());
            }
            case "op" -> {
                return new RunnerEvent.Op(model, n.path("node").asText(), n.path("op_type").asText(),
                        n.path("ns").asLong());
            }
            case "summary" -> {
                return new RunnerEvent.Summary(model, optLong(n, "first_inference_ns"), optLong(n, "load_ns"),
                        MAPPER.convertValue(n, MAP));
            }
            case "error" -> {
                return new RunnerEvent.Error(model, n.path("code").asText("error"), n.path("message").asText(""));
            }
            default -> {
                return new RunnerEvent.Other(model, type, MAPPER.convertValue(n, MAP));
            }
        }
    }

    private static Long optLong(JsonNode n, String field) {
        return n.hasNonNull(field) && n.get(field).canConvertToLong() ? n.get(field).asLong() : null;
    }

    private static String abbreviate(String line) {
        String one = line.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /** The runner's output broke the protocol. */
    public static final class ProtocolException extends IllegalStateException {
        public ProtocolException(String message) {
            super(message);
        }
    }
}
