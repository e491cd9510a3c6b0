#!/usr/bin/python3
"""compare_outputs.py A B: two ltrunner --outputs files agree to float32 rounding (1e-4 of the largest magnitude)."""
import sys

import numpy as np

a = np.fromfile(sys.argv[1], dtype="<f4")
b = np.fromfile(sys.argv[2], dtype="<f4")
if a.size != b.size or a.size == 0:
    sys.exit(f"{sys.argv[1]} has {a.size} values, {sys.argv[2]} {b.size}")
scale = float(np.abs(a).max())
worst = float(np.abs(a - b).max())
print(f"{a.size} values, largest magnitude {scale:.4g}, worst difference {worst:.3g}")
if not scale > 0 or worst > 1e-4 * scale:
    sys.exit(f"outputs differ by {worst:.3g}, more than 1e-4 of {scale:.4g}")
