package dev.lighttrack.bench.agents.virtualdevice;

import java.util.Optional;

/**
 * A parsed {@code shell[,arg...]:command} destination, e.g. {@code shell,v2,TERM=xterm,raw:echo hi}.
 *
 * <p>As in adbd, the text before the first ':' is a comma list of arguments ({@code v2},
 * {@code raw}, {@code pty}, {@code TERM=...}); unknown arguments are ignored.
 *
 * @param shellProtocol true for {@code v2} (framed stdout/stderr/exit), false for the raw v1 stream
 * @param term the TERM value the client passed, if any
 * @param command the command line; empty means an interactive shell was requested
 */
record ShellServiceRequest(boolean shellProtocol, Optional<String> term, String command) {

    static final String PREFIX = "shell";

    /** Parses a destination starting with {@code shell:} or {@code shell,}; empty for anything else. */
    static Optional<ShellServiceRequest> parse(String destination) {
        if (!destination.startsWith(PREFIX + ":") && !destination.startsWith(PREFIX + ",")) {
            return Optional.empty();
        }
        int colon = destination.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        boolean v2 = false;
        Optional<String> term = Optional.empty();
        for (String arg : destination.substring(PREFIX.length(), colon).split(",")) {
            if (arg.equals("v2")) {
                v2 = true;
            } else if (arg.startsWith("TERM=")) {
                term = Optional.of(arg.substring("TERM=".length()));
            }
        }
        return Optional.of(new ShellServiceRequest(v2, term, destination.substring(colon + 1)));
    }

    boolean interactive() {
        return command.isBlank();
    }
}
