package dev.lighttrack.bench.space;

/** A feature map of one frame: channels x height x width (batch 1). */
public record TensorShape(int channels, int height, int width) {
    public long elements() {
        return (long) channels * height * width;
    }

    public TensorShape withChannels(int c) {
        return new TensorShape(c, height, width);
    }

    /** Output of a k x k convolution with PyTorch/timm symmetric padding ((s-1)+(k-1))/2. */
    public TensorShape conv(int outChannels, int kernel, int stride) {
        int pad = ((stride - 1) + (kernel - 1)) / 2;
        return new TensorShape(outChannels, (height + 2 * pad - kernel) / stride + 1,
                (width + 2 * pad - kernel) / stride + 1);
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
