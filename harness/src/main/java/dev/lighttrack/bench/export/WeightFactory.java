package dev.lighttrack.bench.export;

import java.util.Random;

/**
 * Seeded random weights at the scale of a trained network: He-normal convolution weights, batch-norm
 * statistics near their usual values (folded into the convolution), small biases. Nothing near denormal
 * range, so timings are not distorted by slow subnormal arithmetic.
 */
final class WeightFactory {
    private static final float BN_EPS = 1e-5f;
    private final Random rng;

    WeightFactory(long seed) {
        this.rng = new Random(seed);
    }

    /** He-normal weights for a conv with the given fan-in. */
    float[] convWeights(int count, int fanIn) {
        double std = Math.sqrt(2.0 / fanIn);
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = nonDenormal(rng.nextGaussian() * std);
        }
        return w;
    }

    float[] bias(int count) {
        float[] b = new float[count];
        for (int i = 0; i < count; i++) {
            b[i] = nonDenormal((rng.nextDouble() - 0.5) * 0.2);
        }
        return b;
    }

    float[] gaussian(int count, double std) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = nonDenormal(rng.nextGaussian() * std);
        }
        return v;
    }

    /** A batch norm's per-channel affine map y = scale * x + shift, from gamma, beta, mean and variance. */
    BatchNormFold batchNorm(int channels) {
        float[] scale = new float[channels];
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            double gamma = 0.8 + 0.4 * rng.nextDouble();
            double beta = (rng.nextDouble() - 0.5) * 0.2;
            double mean = rng.nextGaussian() * 0.1;
            double var = 0.5 + rng.nextDouble();
            double a = gamma / Math.sqrt(var + BN_EPS);
            scale[c] = (float) a;
            shift[c] = nonDenormal(beta - mean * a);
        }
        return new BatchNormFold(scale, shift);
    }

    private static float nonDenormal(double v) {
        float f = (float) v;
        return Math.abs(f) < 1e-20f ? 0f : f;
    }

    /** Folded batch norm: per-channel scale and shift. */
    record BatchNormFold(float[] scale, float[] shift) {
        /** Folds into conv weights laid out [out][rest]: w' = w * scale[out], b' = b * scale + shift. */
        void foldInto(float[] weights, float[] bias) {
            int perOut = weights.length / scale.length;
            for (int o = 0; o < scale.length; o++) {
                for (int i = 0; i < perOut; i++) {
                    weights[o * perOut + i] *= scale[o];
                }
                bias[o] = bias[o] * scale[o] + shift[o];
            }
        }
    }
}
