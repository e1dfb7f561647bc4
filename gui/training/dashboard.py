"""The Training dock's content: a control row, a message banner and the views in tabs.

Tabs: Curves (loss, accuracy, learning rate, gradient norms), Layer (histograms, weight
matrix, filters, feature maps, activation curve: they follow the node selected on the
canvas) and Data (decision boundary or fitted curve, confusion matrix, loss surface).
"Side by side" shows all three pages at once (for large screens). Only visible views
redraw and ask for probes.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy,
                               QSpinBox, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from engine.optim.optimizers import OPTIMIZERS
from engine.training.probes import merge_kinds
from gui.i18n import translate
from gui.param_widgets import make_editor
from gui.training.buffers import SharedXRange
from gui.training.scheduler import RedrawScheduler
from gui.training.view_grid import SideBySide, ViewPage
from gui.training.views.activation_curve import ActivationView
from gui.training.views.base import LiveView
from gui.training.views.curves import CurvesView
from gui.training.views.boundary import BoundaryView
from gui.training.views.confusion import ConfusionView
from gui.training.views.conv_by_hand import ConvByHandView
from gui.training.views.feature_maps import FeatureMapsView
from gui.training.views.filters import FiltersView
from gui.training.views.grad_norms import GradNormView
from gui.training.views.health import HealthView
from gui.training.views.histograms import HistogramView
from gui.training.views.loss import LossView
from gui.training.views.loss_surface import LossSurfaceView
from gui.training.views.lr import LearningRateView
from gui.training.views.metric import MetricView
from gui.training.views.sample_pass import SamplePassView
from gui.training.views.softmax import SoftmaxView
from gui.training.views.unit_maps import UnitMapsView
from gui.training.views.weights import WeightsView

# Every view of the dashboard, in the order its page shows them (see views/base.LiveView).
VIEWS = [LossView, MetricView, LearningRateView, GradNormView, HealthView,
         HistogramView, WeightsView, FiltersView, FeatureMapsView, UnitMapsView, ConvByHandView,
         ActivationView, SoftmaxView,
         BoundaryView, ConfusionView, LossSurfaceView, SamplePassView]
PAGES = ("Curves", "Layer", "Data", "Backprop")
# a page's key (views name it) -> its tab's words, translated where shown
PAGE_TITLES = {
    "Curves": QT_TRANSLATE_NOOP("Dashboard", "Curves"),
    "Layer": QT_TRANSLATE_NOOP("Dashboard", "Layer"),
    "Data": QT_TRANSLATE_NOOP("Dashboard", "Data"),
    "Backprop": QT_TRANSLATE_NOOP("Dashboard", "Backprop"),
}
SIDE_BY_SIDE_PAGES = PAGES[:3]   # Backprop needs the dock's width: tabs only (hidden side by side)
X_CHOICES = {
    "epoch": QT_TRANSLATE_NOOP("Dashboard", "epochs"),  # unit -> the combo's words
    "step": QT_TRANSLATE_NOOP("Dashboard", "steps"),
}
SIDE_BY_SIDE_ROOM = 1.3     # views at their bare minimum height are cramped


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
        close.setToolTip(translate("Dashboard", "Hide this message"))
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
        self.views: list[LiveView] = [cls() for cls in VIEWS]
        for view in self.views:            # a view's own toggle changed its needs
            view.needsChanged.connect(self._visibility_changed)
        # Only views that take steps are redrawn after a chunk (a redraw costs a paint).
        self._step_views = [v for v in self.views if _overrides(v, "add_steps")]
        self._probe_views = [v for v in self.views if _overrides(v, "show_probe")]
        self._share_curves_x_range()
        self.pages = {name: ViewPage([v for v in self.views if v.page == name])
                      for name in PAGES}
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for name, page in self.pages.items():
            self.tabs.addTab(page, page_title(name))
        self.splitter = SideBySide(self)
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
        self.lr_label = QLabel(translate("Dashboard", "Learning rate:"), self)
        self.lr_editor = make_editor(self._lr_param("adam"), self)
        self.lr_editor.setToolTip(
            translate(
                "Dashboard",
                "While a run goes on (running, paused, stopped), its next "
                "step uses this rate and the file keeps its own; with no "
                "run to go on, it is the next run's (an undoable edit of "
                "the training settings)",
            )
        )
        self.lr_editor.setMinimumWidth(110)
        self.lr_editor.edited.connect(lambda v: self.lrEdited.emit(float(v)))
        self.sample_label = QLabel(translate("Dashboard", "Sample:"), self)
        self.sample_spin = QSpinBox(self)
        self.sample_spin.setRange(0, 0)
        self.sample_spin.setToolTip(
            translate(
                "Dashboard", "Which validation example the feature maps and the node previews show"
            )
        )
        self.sample_spin.valueChanged.connect(self.sampleChanged)
        self.log_check = QCheckBox(translate("Dashboard", "Log-scale loss"), self)
        self.log_check.setToolTip(
            translate(
                "Dashboard", "Show the loss on a logarithmic axis (small losses stay visible)"
            )
        )
        self.log_check.toggled.connect(self.view(LossView).set_log)
        self.x_label = QLabel(translate("Dashboard", "X axis:"), self)
        self.x_combo = QComboBox(self)
        for unit, words in X_CHOICES.items():
            self.x_combo.addItem(translate("Dashboard", words), unit)
        self.x_combo.setToolTip(
            translate(
                "Dashboard",
                "Plot the curves against epochs (passes over the training "
                "set) or steps (batches). With batch size 1 an epoch has as "
                "many steps as examples: see its noise in steps",
            )
        )
        self.x_combo.currentIndexChanged.connect(
            lambda i: self.set_x_unit(self.x_combo.itemData(i)))
        self.clear_button = QPushButton(translate("Dashboard", "Clear old runs"), self)
        self.clear_button.setToolTip(
            translate("Dashboard", "Remove the faded curves of earlier runs")
        )
        self.clear_button.clicked.connect(self.clear_old_runs)
        self.side_check = QCheckBox(translate("Dashboard", "Side by side"), self)
        self.side_check.setToolTip(
            translate(
                "Dashboard",
                "Show Curves, Layer and Data at once instead of in tabs "
                "(for large screens; Backprop needs the whole width and "
                "shows in the tabs only)",
            )
        )
        self.side_check.toggled.connect(self.set_side_by_side)
        self.progress = QLabel(translate("Dashboard", "Press Train (F5) to start"), self)
        self.progress.setObjectName("training_progress")
        self.progress.setStyleSheet("color: #4b5563;")
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for w in (self.lr_label, self.lr_editor, self.sample_label, self.sample_spin,
                  self.log_check, self.x_label, self.x_combo, self.clear_button,
                  self.side_check):
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

    def _share_curves_x_range(self) -> None:
        """The Curves page's plots share one x range: a step is at the same place on each."""
        shared = SharedXRange()
        for view in self.views:
            if isinstance(view, CurvesView) and view.page == "Curves":
                view.share_x_range(shared)

    def set_x_unit(self, unit: str) -> None:
        """"epoch" or "step" on the x axis of every Curves view."""
        for view in self.views:
            if isinstance(view, CurvesView):
                view.set_x_unit(unit)
        index = self.x_combo.findData(unit)
        if index >= 0 and index != self.x_combo.currentIndex():
            self.x_combo.setCurrentIndex(index)

    def view(self, cls: type) -> LiveView:
        """The dashboard's view of class ``cls``."""
        return next(v for v in self.views if isinstance(v, cls))

    def follow_node(self, node) -> None:
        """The views follow the selected node (a NodeInfo, or None); those that show nothing
        for it hide (with no node, every view says what to select)."""
        for view in self.views:
            applies = view.follow_node(node)
            view.setVisible(applies or node is None)
        self._visibility_changed()

    def set_sample_count(self, n: int) -> None:
        self.sample_spin.setRange(0, max(0, n - 1))

    # ---- layout --------------------------------------------------------------------------------
    def set_side_by_side(self, on: bool) -> None:
        """Move the three pages between the tabs and a splitter that shows them all (each
        page reflows its views to the room it gets: see view_grid)."""
        if on != self.splitter.isHidden():
            return
        if on:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for name, page in self.pages.items():
                if name in SIDE_BY_SIDE_PAGES:
                    self.splitter.add_page(page)
                page.setVisible(name in SIDE_BY_SIDE_PAGES)
            self.tabs.hide()
            self.splitter.show()
        else:
            for name, page in self.pages.items():
                self.tabs.addTab(page, page_title(name))
            self.splitter.hide()
            self.tabs.show()
        self.side_check.setChecked(on)
        self.sideBySideChanged.emit(on)
        self._visibility_changed()

    def side_by_side_height(self) -> int:
        """The height that shows each page's views in two rows with some room to spare,
        control row included (the dock asks for it side by side; the window caps it)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        views = max((page.needed_size(2).height() for name, page in self.pages.items()
                     if name in SIDE_BY_SIDE_PAGES), default=0)
        views = int(views * SIDE_BY_SIDE_ROOM)
        banner = (self.banner.sizeHint().height() + layout.spacing()
                  if self.banner.isVisible() else 0)
        return (margins.top() + margins.bottom() + layout.itemAt(0).layout().sizeHint().height()
                + layout.spacing() + banner + views)

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
        """A new run (a RunInfo; None: no run, as after opening another network)."""
        for view in self.views:
            view.start_run(info)
        self.set_sample_count(info.n_samples if info is not None else 0)
        self.banner.hide()
        self.scheduler.new_run()
        self._visibility_changed()

    def add_chunk(self, chunk) -> None:
        """New steps: the curves take them at once (cheap appends) and are drawn in turn."""
        for view in self._step_views:
            view.add_steps(chunk)
            self.scheduler.mark(view, view.redraw, "steps")

    def show_probe(self, probe) -> None:
        self._probe = probe                # the views draw the newest one, in turn
        for view in self._probe_views:
            self.scheduler.mark(view, lambda v=view: v.show_probe(self._probe), "probe")

    def redraw_visible(self) -> None:
        """Draw every visible view that has new data now (pause, stop, screenshot)."""
        self.scheduler.flush()

    def clear_old_runs(self) -> None:
        for view in self.views:
            view.clear_old_runs()

    def needs(self, info, node) -> dict:
        """The probe kinds the visible views want: {kind: options}."""
        kinds: dict = {}
        if info is not None:
            for view in self.views:
                if view.isVisible():
                    kinds = merge_kinds(kinds, view.needs(info, node))
        return kinds


def page_title(name: str) -> str:
    """The tab's words for page ``name`` (in the window's language)."""
    return translate("Dashboard", PAGE_TITLES[name])


def _overrides(view: LiveView, method: str) -> bool:
    return getattr(type(view), method) is not getattr(LiveView, method)
