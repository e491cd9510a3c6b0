package dev.lighttrack.bench.session;

/** Where lookup-table builds and validations report progress (a progress bar with ETA for the CLI). */
public interface PlanProgress {
    PlanProgress SILENT = new PlanProgress() {
        @Override
        public void planned(String phase, int total, int done) {
        }

        @Override
        public void measured(String name, int done, int total) {
        }
    };

    /** A phase starts: {@code total} models in all, {@code done} of them already measured before. */
    void planned(String phase, int total, int done);

    /** One more model measured and saved. */
    void measured(String name, int done, int total);

    /** What the target says it is doing (waiting to cool down, pushing models). */
    default void say(String message) {
    }

    /** This progress without its bar: for plans too short to draw one (the two models of an A/B). */
    default PlanProgress messagesOnly() {
        PlanProgress self = this;
        return new PlanProgress() {
            @Override
            public void planned(String phase, int total, int done) {
            }

            @Override
            public void measured(String name, int done, int total) {
            }

            @Override
            public void say(String message) {
                self.say(message);
            }
        };
    }
}
