"""What the convolution-by-hand view writes: the rows of the working (small grids and
the words between them) and the one-line formula, from conv_patch's ConvWork or PoolWork."""
from __future__ import annotations

import html

import numpy as np

from gui.i18n import translate
from gui.training.views.conv_grids import DIVERGING, GREY, Grid, symmetric

MAX_GRID_KERNEL = 5          # larger kernels: the sums only (their grids would not fit)


def num(v: float) -> str:
    text = f"{v:.3g}"
    return "0" if text == "-0" else text


def work_header(kind: str, channels: int, k: int, padded: bool) -> str:
    """What each row of the working shows."""
    if kind != "Conv2D":
        return translate(
            "ConvWorking", "the {k} × {k} window of the chosen map in the input"
        ).format(k=k)
    if k > MAX_GRID_KERNEL:
        return translate(
            "ConvWorking",
            "a {k} × {k} kernel is too large to write out: the sum of each channel",
        ).format(k=k)
    text = (
        translate(
            "ConvWorking",
            "each input channel: input patch × kernel = products (cell by cell), summed",
        )
        if channels > 1
        else translate("ConvWorking", "input patch × kernel = products (cell by cell), summed")
    )
    if padded:
        text += " · " + translate("ConvWorking", "hatched cells: zero padding")
    return text


def work_inside_all(work) -> bool:
    """The window lies wholly inside the input (no padding cell in it)."""
    return bool(getattr(work, "inside", np.ones(1, bool)).all())


def conv_rows(work, k: int, input_levels: tuple) -> list[list]:
    """One row per input channel: patch × kernel = products, and their sum."""
    several = len(work.patch) > 1
    rows = []
    for ch in range(len(work.patch)):
        label = [translate("ConvWorking", "ch {n}").format(n=ch)] if several else []
        total = f"Σ {num(work.channel_sums[ch])}"
        if k > MAX_GRID_KERNEL:
            rows.append(
                label
                + [
                    translate("ConvWorking", "Σ input × kernel = {sum}").format(
                        sum=num(work.channel_sums[ch])
                    )
                ]
            )
            continue
        rows.append(label + [
            Grid(work.patch[ch], GREY, input_levels, pad=~work.inside), "×",
            Grid(work.kernel[ch], DIVERGING, symmetric(work.kernel)), "=",
            Grid(work.products[ch], DIVERGING, symmetric(work.products)), total])
    if several:
        sums = " + ".join(num(v) for v in work.channel_sums[:4])
        sums += " + …" if len(work.patch) > 4 else ""
        rows.append(
            [
                translate("ConvWorking", "all {n} channels: Σ = {sums} = {total}").format(
                    n=len(work.patch), sums=sums, total=num(work.total)
                )
            ]
        )
    return rows


def conv_formula(work, after, channels: int, has_bias: bool = True) -> str:
    sign = "−" if work.bias < 0 else "+"
    numbers = dict(
        n=channels,
        total=num(work.total),
        sign=sign,
        bias=num(abs(work.bias)),
        value=num(work.value),
    )
    if has_bias and channels > 1:
        text = translate(
            "ConvWorking",
            "Σ over {n} channels of input × kernel + bias = {total} {sign} {bias} = {value}",
        )
    elif has_bias:
        text = translate("ConvWorking", "Σ input × kernel + bias = {total} {sign} {bias} = {value}")
    elif channels > 1:
        text = translate("ConvWorking", "Σ over {n} channels of input × kernel = {value} (no bias)")
    else:
        text = translate("ConvWorking", "Σ input × kernel = {value} (no bias)")
    text = text.format(**numbers)
    return html.escape(text) + _after_text(after)


def pool_rows(work, input_levels: tuple) -> list[list]:
    if work.kind == "max":
        return [
            [
                translate("ConvWorking", "window"),
                Grid(work.patch, GREY, input_levels, mark=work.chosen),
                translate("ConvWorking", "→ max = {value} (outlined)").format(
                    value=num(work.value)
                ),
            ]
        ]
    n = work.patch.size
    return [
        [
            translate("ConvWorking", "window"),
            Grid(work.patch, GREY, input_levels),
            translate("ConvWorking", "→ mean = {sum} / {n} = {value}").format(
                sum=num(float(work.patch.astype(np.float64).sum())), n=n, value=num(work.value)
            ),
        ]
    ]


def pool_formula(work, k: int, after) -> str:
    if work.kind == "max":
        text = translate("ConvWorking", "max of the {k} × {k} window = {value}").format(
            k=k, value=num(work.value)
        )
    else:
        total = float(work.patch.astype(np.float64).sum())
        text = translate(
            "ConvWorking", "mean of the {k} × {k} window = {sum} / {n} = {value}"
        ).format(k=k, sum=num(total), n=k * k, value=num(work.value))
    return html.escape(text) + _after_text(after)


def _after_text(after) -> str:
    if after is None:
        return html.escape("  " + translate("ConvWorking", "(no activation follows)"))
    type_name, value = after
    return html.escape(f" → {type_name} → {num(value)}")
