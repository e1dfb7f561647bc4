"""Convolution and pooling by hand (concepts 17 and 18): click a pixel of a Conv2D,
MaxPool2D or AvgPool2D output map, and see the input window it reads outlined on the input
maps (padding drawn as zeros, the next pixel's window dashed: the stride), the kernel, the
products and their sum, the bias and the value after the activation that follows; for
pooling the window and its maximum or mean. The numbers are the sample's of the latest
probe (the "nodes" probe of the layer, its input and its activation); the arithmetic is
conv_patch's, and its result equals the engine's output there (tests)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from engine.nn.layers import LAYERS
from gui.i18n import translate
from gui.training.views.conv_grids import GREY, NEXT_COLOUR, VIRIDIS, WorkPanel, value_range
from gui.training.views.conv_maps import MAX_MAPS, MapMosaic, Outline
from gui.training.views.conv_patch import KINDS, conv_work, geometry, mismatch, pool_work
from gui.training.views.conv_working import (conv_formula, conv_rows, pool_formula, pool_rows,
                                             work_header, work_inside_all)
from gui.training.views.layer_parts import (NodeView, panel_row, title_label, titled,
                                             unknown_shape_text)

EMPTY = QT_TRANSLATE_NOOP(
    "ConvByHandView",
    "Select a Conv2D, MaxPool2D or AvgPool2D node on the canvas, then click "
    "a pixel of its output to see how it is computed",
)
CONTENT_SIZE = (460, 420)     # the maps, the working and the formula, uncramped
EMPTY_SIZE = (200, 150)       # a message: as small as the other views'
TITLES = {
    "Conv2D": QT_TRANSLATE_NOOP(
        "ConvByHandView", "Convolution by hand: {id} map {c}, row {i}, column {j} · step {step}"
    ),
    "MaxPool2D": QT_TRANSLATE_NOOP(
        "ConvByHandView", "Max pooling by hand: {id} map {c}, row {i}, column {j} · step {step}"
    ),
    "AvgPool2D": QT_TRANSLATE_NOOP(
        "ConvByHandView",
        "Average pooling by hand: {id} map {c}, row {i}, column {j} · step {step}",
    ),
}


def activation_after(node) -> tuple[str, str] | None:
    """(id, type) of the elementwise activation the node feeds, if it feeds one."""
    for node_id, type_name in node.consumers:
        spec = LAYERS.get(type_name) if type_name else None
        if spec is not None and getattr(spec.cls, "elementwise", False):
            return node_id, type_name
    return None


class ConvByHandView(NodeView):

    def __init__(self, parent=None):
        super().__init__(translate("ConvByHandView", EMPTY), parent)
        self.title = title_label()
        self.title.setStyleSheet(self.title.styleSheet() + "font-weight: 600;")
        self.input_title, self.output_title = title_label(), title_label()
        self.input_maps = MapMosaic(GREY)
        self.output_maps = MapMosaic(VIRIDIS, clickable=True)
        self.output_maps.clicked.connect(self.choose)
        self.output_maps.setToolTip(
            translate("ConvByHandView", "Click a pixel to see how it is computed")
        )
        self.key = _small_label()
        self.work = WorkPanel()
        self.work_scroll = QScrollArea()
        self.work_scroll.setWidget(self.work)
        self.work_scroll.setWidgetResizable(True)
        self.work_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.work_scroll.setStyleSheet("background: white;")
        self.formula = QLabel()
        self.formula.setObjectName("conv_formula")
        self.formula.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet("font-size: 11pt; font-weight: 600; color: #1f2a36;"
                                   "background: #f4f6f9; padding: 4px;")
        self.work_header = _small_label()
        self.set_content(self._content())
        self.setMinimumSize(*EMPTY_SIZE)
        self.node_id = self.input_id = self.kind = self.geo = None
        self.activation: tuple[str, str] | None = None
        self.pixel: tuple[int, int, int] | None = None
        self.last = None                     # (NodeProbe, step) of the latest probe shown
        self.shown = None                    # the ConvWork or PoolWork on screen

    def _content(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.title)
        column.addWidget(panel_row(box, titled(self.input_title, self.input_maps),
                                   titled(self.output_title, self.output_maps)), 1)
        column.addWidget(self.key)
        column.addWidget(self.work_header)
        column.addWidget(self.work_scroll)
        column.addWidget(self.formula)
        return box

    def show_empty(self, text: str | None = None) -> None:
        super().show_empty(text)
        self.setMinimumSize(*EMPTY_SIZE)

    def show_content(self) -> None:
        super().show_content()
        self.setMinimumSize(*CONTENT_SIZE)

    # ---- the node ------------------------------------------------------------------------
    def follow_node(self, node) -> bool:
        kind = node.spec.type if node is not None and node.spec is not None else None
        if node is None or kind not in KINDS:
            self.node_id = None
            self.show_empty(translate("ConvByHandView", EMPTY))
            return node is None
        self.node_id, self.kind, self.pixel, self.last = node.id, kind, None, None
        self.input_id = node.inputs[0] if node.inputs else None
        self.activation = activation_after(node)
        if node.unknown_because is not None:
            self.node_id = None
            self.show_empty(unknown_shape_text(node))
            return True
        try:
            self.geo = geometry(kind, node.spec.complete(node.config))
        except ValueError as e:                 # a bad value typed in the inspector
            self.node_id = None
            self.show_empty(
                translate(
                    "ConvByHandView", "'{id}' has a setting it cannot run with: {why}"
                ).format(id=node.id, why=e)
            )
            return True
        self.show_empty(
            translate(
                "ConvByHandView",
                "How '{id}' computes each output pixel appears when "
                "training runs: press Train, then click a "
                "pixel of its output",
            ).format(id=node.id)
        )
        return True

    def needs(self, run, node) -> dict:
        if self.node_id is None:
            return {}
        act = self.activation[0] if self.activation else None
        ran = run.node_ids if run is not None else None     # a node added since is not run
        ids = [n for n in (self.node_id, self.input_id, act)
               if n is not None and (ran is None or n in ran)]
        return {"nodes": tuple(ids)} if self.node_id in ids else {}

    # ---- data ----------------------------------------------------------------------------
    def show_probe(self, probe) -> None:
        nodes = self.node_probe(probe)
        if nodes is None or self.input_id not in nodes.activations:
            return
        self.last = (nodes, probe.step)
        self._draw()

    def choose(self, channel: int, i: int, j: int) -> None:
        """The output pixel to explain (a click on the output maps)."""
        self.pixel = (channel, i, j)
        if self.last is not None:
            self._draw()

    def _draw(self) -> None:
        nodes, step = self.last
        x = np.asarray(nodes.activations[self.input_id], dtype=np.float32)
        out = np.asarray(nodes.activations[self.node_id], dtype=np.float32)
        weights = nodes.weights.get(self.node_id, {})
        weight = weights.get("weight") if self.kind == "Conv2D" else None
        problem = mismatch(self.geo, x.shape, out.shape, weight)
        if self.kind == "Conv2D" and weight is None:
            problem = translate("ConvByHandView", "its filters are missing from the probe")
        if problem:
            self.show_empty(
                translate(
                    "ConvByHandView",
                    "'{id}' changed since this run started ({why}): "
                    "press Train to run the network as it is "
                    "now",
                ).format(id=self.node_id, why=problem)
            )
            return
        c, i, j = self._pixel(out.shape)
        if self.kind == "Conv2D":
            work = conv_work(x, weight, weights.get("bias"), self.geo, c, i, j)
        else:
            work = pool_work(x, self.geo, c, i, j)
        self.shown = work
        after = self._after(nodes, c, i, j, out.shape)
        self._draw_maps(x, out, nodes, c, i, j)
        self.title.setText(
            translate("ConvByHandView", TITLES[self.kind]).format(
                id=self.node_id, c=c, i=i, j=j, step=step
            )
        )
        if self.kind == "Conv2D":
            self.work.set_rows(conv_rows(work, self.geo.k, value_range(x)))
            self.formula.setText(conv_formula(work, after, len(x), "bias" in weights))
        else:
            self.work.set_rows(pool_rows(work, value_range(x[c])))   # as its map is drawn
            self.formula.setText(pool_formula(work, self.geo.k, after))
        self.work_header.setText(work_header(self.kind, len(x), self.geo.k,
                                             not work_inside_all(work)))
        self.show_content()
        self._fit_work()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_work()

    def _fit_work(self) -> None:
        """The working takes the height it needs, up to 45 % of the view (it scrolls
        beyond); the maps above take the rest."""
        need = self.work.rows_height(max(self.work_scroll.viewport().width(), 1)) + 2
        self.work_scroll.setFixedHeight(max(40, min(need, int(self.height() * 0.45))))

    def _pixel(self, shape) -> tuple[int, int, int]:
        """The chosen pixel, kept inside the map (the middle one until a click)."""
        f, h, w = shape
        c, i, j = self.pixel if self.pixel is not None else (0, h // 2, w // 2)
        self.pixel = (min(c, f - 1), min(i, h - 1), min(j, w - 1))
        return self.pixel

    def _after(self, nodes, c, i, j, shape) -> tuple[str, float] | None:
        """(activation type, the engine's output of it at the pixel), when one follows."""
        if self.activation is None:
            return None
        act_id, type_name = self.activation
        y = nodes.activations.get(act_id)
        if y is None or np.shape(y) != tuple(shape):
            return None
        return type_name, float(y[c, i, j])

    def _draw_maps(self, x, out, nodes, c, i, j) -> None:
        geo, k = self.geo, self.geo.k
        conv = self.kind == "Conv2D"
        # a conv reads every input map; pooling reads the chosen one: shown alone, larger
        shown = x if conv else x[c:c + 1]
        windows = [geo.corner(i, j)]
        nxt = (i, j + 1) if j + 1 < out.shape[2] else (i, j - 1) if j > 0 else None
        if nxt is not None:                          # the stride: the next pixel's window
            windows.append(geo.corner(*nxt))
        outlines = []
        for n, (top, left) in enumerate(windows):
            style = {} if n == 0 else {"colour": NEXT_COLOUR, "dashed": True}
            outlines += [Outline(ch, top, left, k, k, **style) for ch in range(len(shown))]
        self.input_maps.set_maps(shown, geo.pads, outlines)
        self.output_maps.set_maps(out, outlines=[Outline(c, i, j, 1, 1)], chosen_map=c)
        self.input_title.setText(self._input_title(x, nodes, c))
        self.output_title.setText(self._output_title(out))
        step = ""
        if nxt is not None:
            next_words = (
                translate("ConvByHandView", "the next pixel's (right): stride {stride}")
                if nxt[1] > j
                else translate("ConvByHandView", "the next pixel's (left): stride {stride}")
            )
            step = (
                f" · <span style='color:{NEXT_COLOUR.name()}'><b>┅</b></span> "
                + next_words.format(stride=geo.stride)
            )
        zeros = (
            " · " + translate("ConvByHandView", "hatched: zero padding")
            if any(geo.pads[0] + geo.pads[1])
            else ""
        )
        self.key.setText(
            "<span style='color:#f28e00'><b>▢</b></span> "
            + translate("ConvByHandView", "the window read")
            + f"{step}{zeros}"
        )

    def _output_title(self, out) -> str:
        if len(out) > MAX_MAPS:
            text = translate(
                "ConvByHandView", "{id} output: {n} maps, the first {shown} · click a pixel"
            )
        elif len(out) == 1:
            text = translate("ConvByHandView", "{id} output: 1 map · click a pixel")
        else:
            text = translate("ConvByHandView", "{id} output: {n} maps · click a pixel")
        return text.format(id=self.node_id, n=len(out), shown=MAX_MAPS)

    def _input_title(self, x, nodes, c: int) -> str:
        (pt, pb), (pl, pr) = self.geo.pads
        if pt == pb == pl == pr and pt:
            pad = " · " + translate("ConvByHandView", "padding {n}").format(n=pt)
        elif pt or pb or pl or pr:
            pad = " · " + translate(
                "ConvByHandView", "padding {t}/{b}/{l}/{r} (top/bottom/left/right)"
            ).format(t=pt, b=pb, l=pl, r=pr)
        else:
            pad = ""
        if self.kind != "Conv2D":
            return translate(
                "ConvByHandView", "Input: {id}, map {c} of {n} (the one it pools)"
            ).format(id=self.input_id, c=c, n=len(x))
        if self._input_is_data(nodes):
            what = translate("ConvByHandView", "sample {n}").format(n=nodes.sample)
        elif len(x) == 1:
            what = translate("ConvByHandView", "1 map")
        else:
            what = translate("ConvByHandView", "{n} maps").format(n=len(x))
        return (
            translate("ConvByHandView", "Input: {id} ({what})").format(id=self.input_id, what=what)
            + pad
        )

    def _input_is_data(self, nodes) -> bool:
        x = nodes.activations[self.input_id]
        return np.shape(x) == np.shape(nodes.sample_input) and np.array_equal(
            x, nodes.sample_input)


def _small_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("font-size: 8pt; color: #4b5563; background: #ffffff;")
    return label
