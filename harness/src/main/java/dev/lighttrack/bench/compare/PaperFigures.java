package dev.lighttrack.bench.compare;

import java.util.Map;
import java.util.Optional;

/**
 * The LightTrack paper's figures for the trackers it compares (CVPR 2021: abstract, introduction and speed table):
 * fps on a Snapdragon 845's Adreno 630 GPU where the paper gives one, MACs ("FLOPs") and params. Shown beside a
 * comparison as the paper's, never as ours.
 */
public final class PaperFigures {
    public static final String DEVICE = "Snapdragon 845 Adreno 630 GPU";

    /** One tracker: fps on {@link #DEVICE} (null where the paper gives none), MACs and params (null if not given). */
    public record Figure(Double fps, Double macsG, Double paramsM) {
    }

    private static final Map<String, Figure> FIGURES = Map.of(
            "lighttrack-mobile", new Figure(38.4, 0.530, 1.97),
            "ocean", new Figure(3.2, 20.3, 25.9),
            "siamrpnpp-mobilenetv2", new Figure(null, 7.1, 11.2),
            "siamrpnpp-r50", new Figure(null, 48.9, null),
            "siamfc", new Figure(null, 2.7, 2.3));

    private PaperFigures() {
    }

    public static Optional<Figure> of(String name) {
        return Optional.ofNullable(FIGURES.get(name));
    }
}
