package dev.lighttrack.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lighttrack.bench.files.JsonMapper;

/** What --json prints: a result record through bench's one mapper. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.MAPPER;

    private Json() {
    }

    static String write(Object value) {
        return JsonMapper.write(value);
    }
}
