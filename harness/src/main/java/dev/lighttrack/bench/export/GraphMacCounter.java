package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts multiply-accumulates from an exported graph, independently of the cost model: every Conv counts
 * out_elements x (weight in-channels x kh x kw) and every GlobalAveragePool counts thop's
 * out_elements x (pooled elements + 1). Shapes come from the graph's typed values.
 */
public final class GraphMacCounter {
    private GraphMacCounter() {
    }

    /** Result: convolution MACs and pooling ops. */
    public record GraphMacs(long convMacs, long poolMacs) {
    }

    public static GraphMacs count(OnnxMl.ModelProto model) {
        OnnxMl.GraphProto graph = model.getGraph();
        Map<String, List<Long>> shapes = new HashMap<>();
        for (List<OnnxMl.ValueInfoProto> infos : List.of(graph.getInputList(), graph.getValueInfoList(),
                graph.getOutputList())) {
            for (OnnxMl.ValueInfoProto v : infos) {
                shapes.put(v.getName(), v.getType().getTensorType().getShape().getDimList().stream()
                        .map(OnnxMl.TensorShapeProto.Dimension::getDimValue).toList());
            }
        }
        Map<String, List<Long>> weights = new HashMap<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            weights.put(t.getName(), t.getDimsList());
        }
        long conv = 0;
        long pool = 0;
        for (OnnxMl.NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("Conv")) {
                List<Long> w = weights.get(n.getInput(1));
                conv += elements(shapes, n.getOutput(0)) * w.get(1) * w.get(2) * w.get(3);
            } else if (n.getOpType().equals("GlobalAveragePool")) {
                List<Long> in = shapes.get(n.getInput(0));
                pool += elements(shapes, n.getOutput(0)) * (in.get(2) * in.get(3) + 1);
            }
        }
        return new GraphMacs(conv, pool);
    }

    private static long elements(Map<String, List<Long>> shapes, String tensor) {
        List<Long> s = shapes.get(tensor);
        if (s == null) {
            throw new IllegalStateException("no shape recorded for " + tensor);
        }
        return s.stream().reduce(1L, (a, b) -> a * b);
    }
}
