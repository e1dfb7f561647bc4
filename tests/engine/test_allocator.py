"""A training process keeps the big arrays it frees (engine/training/allocator.py): the next
step's arrays of the same size cost no fresh pages (the MNIST CNN took ~2,400 minor page
faults per step without it)."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STEPS = textwrap.dedent("""
    import resource, sys
    import numpy as np
    from engine.training.allocator import keep_freed_memory
    took = keep_freed_memory() if sys.argv[1] == "keep" else None
    def step():                      # what a conv step does: big outputs made and dropped
        a = np.ones(3_200_000, np.float32); b = a * 2; c = np.maximum(b, 0)
        return float(c[-1])
    for _ in range(3):
        step()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(20):
        step()
    print(took, (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 20)
""")


def faults_per_step(mode: str) -> tuple[str, float]:
    out = subprocess.run([sys.executable, "-c", STEPS, mode], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    return out[0], float(out[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt only")
def test_freed_arrays_are_reused_without_fresh_pages():
    took, kept = faults_per_step("keep")
    if took != "True":
        pytest.skip("this C library has no mallopt")
    _, plain = faults_per_step("plain")
    assert kept < 5, kept                   # three 12.8 MB arrays a step: ~9,000 pages fresh
    assert plain > 100 * max(kept, 1) or plain < 5    # (a C library that already keeps them)
