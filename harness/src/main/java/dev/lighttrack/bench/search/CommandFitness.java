package dev.lighttrack.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.JsonMapper;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An external evaluator (how a user plugs in a trained supernet: it loads once and scores many), spoken to in
 * JSON lines over its stdin and stdout (README, "the evaluator protocol"): it first prints
 * {@code {"type":"hello","protocol":1}}; bench then sends one {@code {"id":N,"arch":"…"}} per candidate (a batch
 * at a time) and reads one {@code {"id":N,"fitness":X}} or {@code {"id":N,"error":"…"}} per request, in any order.
 * Its stderr passes through to ours. A timeout, a crash, a line that is not the protocol or a fitness that is not
 * a finite number is an error naming the candidate.
 */
public final class CommandFitness implements Fitness {
    public static final int PROTOCOL = 1;
    private static final String EOF = "\u0000eof";

    private final String command;
    private final Duration timeout;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private long nextId = 1;

    public CommandFitness(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
        try {
            process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw BenchException.badInput("cannot start the fitness evaluator '" + command + "': " + IoReason.of(e), e);
        }
        stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process went away: EOF below says so
            }
            lines.add(EOF);
        }, "fitness evaluator reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode hello = next("its hello");
            if (!"hello".equals(hello.path("type").asText()) || hello.path("protocol").asInt(-1) != PROTOCOL) {
                throw fail("began with " + abbreviate(hello.toString()) + ", not {\"type\":\"hello\",\"protocol\":"
                        + PROTOCOL + "}");
            }
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Override
    public List<Double> score(List<Architecture> archs) {
        Map<Long, Integer> pending = new HashMap<>();
        List<String> names = archs.stream().map(ArchStringCodec::format).toList();
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < archs.size(); i++) {
            long id = nextId++;
            pending.put(id, i);
            ObjectNode req = JsonMapper.MAPPER.createObjectNode().put("id", id).put("arch", names.get(i));
            requests.append(req).append('\n');
        }
        try {
            stdin.write(requests.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw fail("stopped reading requests (" + IoReason.of(e) + ") before scoring " + names.get(0));
        }
        Double[] scores = new Double[archs.size()];
        while (!pending.isEmpty()) {
            String waitingFor = names.get(pending.values().iterator().next());
            JsonNode reply = next("the fitness of " + waitingFor);
            Integer index = reply.path("id").canConvertToLong() ? pending.remove(reply.path("id").asLong()) : null;
            if (index == null) {
                throw fail("replied " + abbreviate(reply.toString()) + " to no pending request (waiting for "
                        + waitingFor + ")");
            }
            if (reply.has("error")) {
                throw fail("could not score " + names.get(index) + ": " + reply.path("error").asText());
            }
            JsonNode f = reply.path("fitness");
            double value = f.isNumber() ? f.asDouble() : Double.NaN;
            if (!Double.isFinite(value)) {
                throw fail("gave fitness " + abbreviate(f.toString()) + " for " + names.get(index)
                        + " (a finite number is needed)");
            }
            scores[index] = value;
        }
        return List.of(scores);
    }

    private JsonNode next(String what) {
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("was interrupted waiting for " + what);
        }
        if (line == null) {
            throw fail("gave no answer within " + timeout.toSeconds() + " s while bench waited for " + what
                    + " (--fitness-timeout)");
        }
        if (EOF.equals(line)) {
            throw fail("exited" + exitCode() + " while bench waited for " + what);
        }
        try {
            JsonNode n = JsonMapper.MAPPER.readTree(line);
            if (n == null || !n.isObject()) {
                throw fail("printed " + abbreviate(line) + ", not a JSON object, while bench waited for " + what);
            }
            return n;
        } catch (IOException e) {
            throw fail("printed a line that is not JSON (" + abbreviate(line) + ") while bench waited for " + what);
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with code " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private BenchException fail(String problem) {
        return BenchException.badInput("fitness evaluator '" + command + "' " + problem);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }

    @Override
    public String describe() {
        return "cmd:" + command;
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }


}
