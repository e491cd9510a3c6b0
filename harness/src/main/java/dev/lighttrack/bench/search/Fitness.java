package dev.lighttrack.bench.search;

import dev.lighttrack.bench.space.Architecture;
import java.util.List;

/** What a search maximises among feasible candidates. */
public interface Fitness extends AutoCloseable {
    /** One score per arch, in order; a failure names the candidate. */
    List<Double> score(List<Architecture> archs);

    /** A label for reports; proxies say that they are proxies. */
    String describe();

    @Override
    default void close() {
    }
}
