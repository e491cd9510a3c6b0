package dev.lighttrack.bench.run;

import java.util.Locale;

/** Reads a target's conditions as a round begins and says when the round will be excluded. */
final class RoundSensing {
    private RoundSensing() {
    }

    static RoundCondition read(TargetSensors sensors, int round, String who, RunProgress progress) {
        RoundCondition c;
        try {
            c = sensors.round();
        } catch (RuntimeException e) {
            // the measurement goes on: a round whose conditions are unknown is kept, and the record says unknown
            progress.say(String.format(Locale.ROOT, "round %d: cannot read the conditions of %s (%s)", round, who,
                    e.getMessage()));
            return RoundCondition.UNKNOWN;
        }
        if (c.excluded()) {
            progress.say(String.format(Locale.ROOT, "round %d on %s began too hot (%s): its samples are not kept",
                    round, who, String.join(", ", c.tooHot())));
        }
        return c;
    }
}
