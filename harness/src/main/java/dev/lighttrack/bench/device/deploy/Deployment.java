package dev.lighttrack.bench.device.deploy;

import java.util.List;

/** Where the agent and the models are on the device, and how many files had to be pushed (0: all were there). */
public record Deployment(String agentPath, List<String> modelPaths, int filesPushed) {
    public Deployment {
        modelPaths = List.copyOf(modelPaths);
    }
}
