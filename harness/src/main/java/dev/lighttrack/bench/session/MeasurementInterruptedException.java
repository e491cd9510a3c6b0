package dev.lighttrack.bench.session;

/**
 * Measuring stopped part way (device gone, runner failed): what finished is saved; the message says how far it
 * got and that a rerun measures only the rest.
 */
public final class MeasurementInterruptedException extends RuntimeException {
    public MeasurementInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
