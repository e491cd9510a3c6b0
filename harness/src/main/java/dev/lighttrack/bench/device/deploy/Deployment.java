package dev.lighttrack.bench.device.deploy;

import java.util.List;

/**
 * How to start the agent on the device (its program, or a bundle's loader with its arguments), where the models are,
 * and how many files had to be pushed (0: all were there).
 */
public record Deployment(List<String> agentCommand, List<String> modelPaths, int filesPushed) {
    public Deployment {
        agentCommand = List.copyOf(agentCommand);
        modelPaths = List.copyOf(modelPaths);
    }
}
