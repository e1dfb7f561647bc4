"""The Training dock's content: a control row, a message banner and the views in tabs.

Tabs: Curves (loss, accuracy, learning rate, gradient norms), Layer (histograms, weight
matrix, filters, feature maps, activation curve: they follow the node selected on the
canvas) and Data (decision boundary or fitted curve, confusion matrix, loss surface).
"Side by side" shows all three pages at once (for large screens). Only visible views
redraw and ask for probes.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy,
                               QSpinBox, QSplitter, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from engine.optim.optimizers import OPTIMIZERS
from gui.param_widgets import make_editor
from gui.training.scheduler import RedrawScheduler
from gui.training.views.activation_curve import ActivationView
from gui.training.views.boundary import BoundaryView
from gui.training.views.confusion import ConfusionView
from gui.training.views.feature_maps import FeatureMapsView
from gui.training.views.filters import FiltersView
from gui.training.views.grad_norms import GradNormView
from gui.training.views.histograms import HistogramView
from gui.training.views.loss import LossView
from gui.training.views.loss_surface import LossSurfaceView
from gui.training.views.lr import LearningRateView
from gui.training.views.metric import MetricView
from gui.training.views.weights import WeightsView



def _page(views, columns: int) -> QWidget:
    page = QWidget()
    grid = QGridLayout(page)
    grid.setContentsMargins(2, 2, 2, 2)
    grid.setSpacing(4)
    page.views = list(views)
    _arrange(page, columns)
    return page


def _arrange(page: QWidget, columns: int) -> None:
    """Lay the page's views out in ``columns`` columns (tabs: one row; side by side: two)."""
    grid = page.layout()
    for view in page.views:
        grid.removeWidget(view)
    for i, view in enumerate(page.views):
        grid.addWidget(view, i // columns, i % columns)


class Banner(QWidget):
    """A closable message line above the views (divergence, errors)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training_banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Hide this message")
        close.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        colours = {"error": ("#fdecea", "#8a1c1c"), "info": ("#e8f1fb", "#1f4e79")}
        bg, fg = colours.get(kind, colours["info"])
        self.setStyleSheet(f"#training_banner {{ background: {bg}; border: 1px solid {fg}; "
                           f"border-radius: 4px; }} QLabel {{ color: {fg}; }}")
        self.label.setText(text)
        self.show()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class Dashboard(QWidget):
    lrEdited = Signal(float)
    sampleChanged = Signal(int)
    sideBySideChanged = Signal(bool)
    needsChanged = Signal()            # which views are visible changed: re-ask for probes

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("training_dashboard")
        self.loss, self.metric = LossView(), MetricView()
        self.lr_view, self.grad_norms = LearningRateView(), GradNormView()
        self.histograms, self.filters = HistogramView(), FiltersView()
        self.weights = WeightsView()
        self.feature_maps, self.activation = FeatureMapsView(), ActivationView()
        self.boundary, self.confusion = BoundaryView(), ConfusionView()
        self.surface = LossSurfaceView()
        self.pages = {
            "Curves": _page([self.loss, self.metric, self.lr_view, self.grad_norms], 4),
            "Layer": _page([self.histograms, self.weights, self.filters, self.feature_maps,
                            self.activation], 5),
            "Data": _page([self.boundary, self.confusion, self.surface], 3)}
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for name, page in self.pages.items():
            self.tabs.addTab(page, name)
        self.splitter = QSplitter(self)
        self.splitter.hide()
        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self._control_row())
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.splitter, 1)
        self.tabs.currentChanged.connect(lambda _i: self._visibility_changed())
        self.scheduler = RedrawScheduler(self)
        self._probe = None                 # the newest probe: probe views draw it in turn
        self.setMinimumHeight(260)

    # ---- the control row ---------------------------------------------------------------------
    def _control_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.lr_label = QLabel("Learning rate:", self)
        self.lr_editor = make_editor(self._lr_param("adam"), self)
        self.lr_editor.setToolTip("Change the learning rate while training: the next step "
                                  "uses it (the file keeps its own value)")
        self.lr_editor.setMinimumWidth(110)
        self.lr_editor.edited.connect(lambda v: self.lrEdited.emit(float(v)))
        self.sample_label = QLabel("Sample:", self)
        self.sample_spin = QSpinBox(self)
        self.sample_spin.setRange(0, 0)
        self.sample_spin.setToolTip("Which validation example the feature maps and the "
                                    "node previews show")
        self.sample_spin.valueChanged.connect(self.sampleChanged)
        self.log_check = QCheckBox("Log-scale loss", self)
        self.log_check.setToolTip("Show the loss on a logarithmic axis (small losses "
                                  "stay visible)")
        self.log_check.toggled.connect(self.loss.set_log)
        self.clear_button = QPushButton("Clear old runs", self)
        self.clear_button.setToolTip("Remove the faded curves of earlier runs")
        self.clear_button.clicked.connect(self.clear_old_runs)
        self.side_check = QCheckBox("Side by side", self)
        self.side_check.setToolTip("Show Curves, Layer and Data at once instead of in tabs "
                                   "(for large screens)")
        self.side_check.toggled.connect(self.set_side_by_side)
        self.progress = QLabel("Press Train (F5) to start", self)
        self.progress.setObjectName("training_progress")
        self.progress.setStyleSheet("color: #4b5563;")
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for w in (self.lr_label, self.lr_editor, self.sample_label, self.sample_spin,
                  self.log_check, self.clear_button, self.side_check):
            row.addWidget(w)
        row.addWidget(self.progress, 1)
        return row

    @staticmethod
    def _lr_param(optimizer: str):
        spec = OPTIMIZERS.get(optimizer) or OPTIMIZERS["adam"]
        return next(p for p in spec.params if p.name == "lr")

    def set_lr(self, optimizer: str, lr: float) -> None:
        """Show ``lr`` (without emitting lrEdited), with the limits of that optimizer's lr."""
        if optimizer != getattr(self, "_lr_optimizer", None):
            new = make_editor(self._lr_param(optimizer), self)
            new.setToolTip(self.lr_editor.toolTip())
            new.setMinimumWidth(110)
            new.edited.connect(lambda v: self.lrEdited.emit(float(v)))
            self.layout().itemAt(0).layout().replaceWidget(self.lr_editor, new)
            self.lr_editor.deleteLater()
            self.lr_editor = new
            self._lr_optimizer = optimizer
        self.lr_editor.set_value(lr)

    def set_layer_node(self, node_id, spec, params, has_params: bool, weight_ndim) -> None:
        """The Layer page follows the selected node and shows only the views that apply to
        it (all of them say what to select when nothing applies)."""
        applies = {self.histograms: self.histograms.set_node(node_id, has_params),
                   self.weights: self.weights.set_node(node_id, weight_ndim),
                   self.filters: self.filters.set_node(node_id, weight_ndim),
                   self.feature_maps: self.feature_maps.set_node(node_id),
                   self.activation: self.activation.set_node(node_id, spec, params)}
        if node_id is None:
            applies = dict.fromkeys(applies, True)
        for view, shown in applies.items():
            view.setVisible(shown)
        self._visibility_changed()

    def set_data_views(self, boundary_why: str | None, confusion_why: str | None) -> None:
        """The Data page for a new run: a view that cannot show this network says why."""
        for view, why in ((self.boundary, boundary_why), (self.confusion, confusion_why),
                          (self.surface, None)):
            view.set_unavailable(why or "Appears after the first probe, a moment after "
                                        "training starts")

    def set_sample_count(self, n: int) -> None:
        self.sample_spin.setRange(0, max(0, n - 1))

    # ---- layout --------------------------------------------------------------------------------
    def set_side_by_side(self, on: bool) -> None:
        """Move the three pages between the tabs (views in one row) and a splitter that shows
        them all (views in two columns: the dock asks for more height)."""
        if on == self.splitter.isVisible():
            return
        for page in self.pages.values():
            _arrange(page, (2 if len(page.views) > 2 else 1) if on else len(page.views))
        if on:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for page in self.pages.values():
                self.splitter.addWidget(page)
                page.show()
            self.tabs.hide()
            self.splitter.show()
        else:
            for name, page in self.pages.items():
                self.tabs.addTab(page, name)
            self.splitter.hide()
            self.tabs.show()
        self.side_check.setChecked(on)
        self.sideBySideChanged.emit(on)
        self._visibility_changed()

    def show_page(self, name: str) -> None:
        if not self.splitter.isVisible():
            self.tabs.setCurrentWidget(self.pages[name])

    def _visibility_changed(self) -> None:
        self.needsChanged.emit()
        self.scheduler.kick()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._visibility_changed)

    # ---- data in ---------------------------------------------------------------------------------
    def start_run(self, info) -> None:
        """A new run (see controller.RunInfo): fade the old curves, set up per-layer ones."""
        self.loss.start_run(info.n_batches)
        self.metric.start_run(info.task)
        self.lr_view.start_run(info.n_batches)
        self.grad_norms.start_run(info.n_batches, info.layer_ids)
        self.set_sample_count(info.n_samples)
        self.banner.hide()
        self.scheduler.new_run()

    def add_batch(self, batch) -> None:
        """New data: the curves take it at once (cheap appends) and are drawn in turn."""
        for view in (self.loss, self.metric, self.lr_view, self.grad_norms):
            view.add(batch)
            self.scheduler.mark(view, view.redraw)
        if batch.probe is not None:
            self.set_probe(batch.probe)
        self.scheduler.poll()

    def set_probe(self, probe) -> None:
        self._probe = probe
        views = [self.histograms, self.weights, self.filters, self.feature_maps]
        if probe.grid is not None or probe.curve is not None:
            views.append(self.boundary)
        if probe.confusion is not None:
            views.append(self.confusion)
        if probe.surface is not None:
            views.append(self.surface)
        for view in views:
            self.scheduler.mark(view, lambda v=view: v.set_probe(self._probe))

    def redraw_visible(self) -> None:
        """Draw every visible view that has new data now (pause, stop, screenshot)."""
        self.scheduler.flush()

    def clear_old_runs(self) -> None:
        for view in (self.loss, self.metric, self.lr_view):
            view.clear_old_runs()

    # ---- what the visible views need --------------------------------------------------------------
    def needs_node_probe(self) -> bool:
        return any(v.isVisible() for v in (self.histograms, self.weights, self.filters,
                                           self.feature_maps))

    def needs_grid(self) -> bool:
        return self.boundary.isVisible()

    def needs_confusion(self) -> bool:
        return self.confusion.isVisible()

    def needs_surface(self) -> bool:
        return self.surface.isVisible()

    def needs_grad_norms(self) -> bool:
        return self.grad_norms.isVisible()
