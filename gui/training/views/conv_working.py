"""What the convolution-by-hand view writes: the rows of the working (small grids and
the words between them) and the one-line formula, from conv_patch's ConvWork or PoolWork."""
from __future__ import annotations

import html

import numpy as np

from gui.training.views.conv_grids import DIVERGING, GREY, Grid, symmetric

MAX_GRID_KERNEL = 5          # larger kernels: the sums only (their grids would not fit)


def num(v: float) -> str:
    text = f"{v:.3g}"
    return "0" if text == "-0" else text


def work_header(kind: str, channels: int, k: int, padded: bool) -> str:
    """What each row of the working shows."""
    if kind != "Conv2D":
        return f"the {k} × {k} window of the chosen map in the input"
    if k > MAX_GRID_KERNEL:
        return f"a {k} × {k} kernel is too large to write out: the sum of each channel"
    each = "each input channel: " if channels > 1 else ""
    hatched = " · hatched cells: zero padding" if padded else ""
    return f"{each}input patch × kernel = products (cell by cell), summed{hatched}"


def work_inside_all(work) -> bool:
    """The window lies wholly inside the input (no padding cell in it)."""
    return bool(getattr(work, "inside", np.ones(1, bool)).all())


def conv_rows(work, k: int, input_levels: tuple) -> list[list]:
    """One row per input channel: patch × kernel = products, and their sum."""
    several = len(work.patch) > 1
    rows = []
    for ch in range(len(work.patch)):
        label = [f"ch {ch}"] if several else []
        total = f"Σ {num(work.channel_sums[ch])}"
        if k > MAX_GRID_KERNEL:
            rows.append(label + [f"Σ input × kernel = {num(work.channel_sums[ch])}"])
            continue
        rows.append(label + [
            Grid(work.patch[ch], GREY, input_levels, pad=~work.inside), "×",
            Grid(work.kernel[ch], DIVERGING, symmetric(work.kernel)), "=",
            Grid(work.products[ch], DIVERGING, symmetric(work.products)), total])
    if several:
        sums = " + ".join(num(v) for v in work.channel_sums[:4])
        sums += " + …" if len(work.patch) > 4 else ""
        rows.append([f"all {len(work.patch)} channels: Σ = {sums} = {num(work.total)}"])
    return rows


def conv_formula(work, after, channels: int, has_bias: bool = True) -> str:
    over = f" over {channels} channels of" if channels > 1 else ""
    sign = "−" if work.bias < 0 else "+"
    text = (f"Σ{over} input × kernel + bias = {num(work.total)} {sign} {num(abs(work.bias))}"
            f" = {num(work.value)}" if has_bias else
            f"Σ{over} input × kernel = {num(work.value)} (no bias)")
    return html.escape(text) + _after_text(after)


def pool_rows(work, input_levels: tuple) -> list[list]:
    if work.kind == "max":
        return [["window", Grid(work.patch, GREY, input_levels, mark=work.chosen),
                 f"→ max = {num(work.value)} (outlined)"]]
    n = work.patch.size
    return [["window", Grid(work.patch, GREY, input_levels),
             f"→ mean = {num(float(work.patch.astype(np.float64).sum()))} / {n}"
             f" = {num(work.value)}"]]


def pool_formula(work, k: int, after) -> str:
    if work.kind == "max":
        text = f"max of the {k} × {k} window = {num(work.value)}"
    else:
        total = float(work.patch.astype(np.float64).sum())
        text = f"mean of the {k} × {k} window = {num(total)} / {k * k} = {num(work.value)}"
    return html.escape(text) + _after_text(after)


def _after_text(after) -> str:
    if after is None:
        return html.escape("  (no activation follows)")
    type_name, value = after
    return html.escape(f" → {type_name} → {num(value)}")
