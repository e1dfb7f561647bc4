"""The inspector's training page (nothing selected): data, loss, optimizer, schedule, run.

Generated from the engine's registries (engine.data.DATASETS, engine.nn.losses.LOSSES,
engine.optim.optimizers.OPTIMIZERS, engine.optim.schedulers.SCHEDULERS): every choice, default, range
and help text comes from their Params. Every edit is one SetTraining command.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QVBoxLayout, QWidget

from engine.data.loading import DEFAULT_VALIDATION_SPLIT
from engine.schema import Param
from engine.graph.training_checks import TRAINING_PARAMS
from engine.nn.regularization import REGULARIZATION_PARAMS
from gui.commands import SetTraining
from gui.i18n import engine_text, translate
from gui.param_form import ParamForm, help_label
from gui.param_widgets import stored_text

HEADER = "header"

# The training section's own fields come from the validator (one definition of each range).
RUN_PARAMS = TRAINING_PARAMS
VALIDATION_SPLIT = Param(
    "validation_split", "float", DEFAULT_VALIDATION_SPLIT,
    "Fraction of the examples held out to measure how well the network generalises.",
    min=0.0, max=1.0, max_exclusive=True)


DEFAULTS_NOTE = QT_TRANSLATE_NOOP("TrainingInspector",
                                 "This file has no training section, so Train uses the "
                                 "defaults shown below. Change any of them to give the network "
                                 "its own.")
# engine.data.dataset.CATEGORIES, as the data list's headers name them
DATASET_CATEGORIES = (QT_TRANSLATE_NOOP("TrainingInspector", "2-D toy"),
                      QT_TRANSLATE_NOOP("TrainingInspector", "regression"),
                      QT_TRANSLATE_NOOP("TrainingInspector", "real"),
                      QT_TRANSLATE_NOOP("TrainingInspector", "images"),
                      QT_TRANSLATE_NOOP("TrainingInspector", "files"))


def registries() -> dict[str, dict]:
    """The four registries the page is generated from (imported late: they are big)."""
    from engine.data import DATASETS
    from engine.nn.losses import LOSSES
    from engine.optim.optimizers import OPTIMIZERS
    from engine.optim.schedulers import SCHEDULERS
    return {"dataset": DATASETS, "loss": LOSSES, "optimizer": OPTIMIZERS,
            "scheduler": SCHEDULERS}


def _combo(names, specs, parent) -> QComboBox:
    """Names with their help as tooltips; specs with a ``category`` (datasets) are grouped
    under disabled category headers."""
    combo = QComboBox(parent)
    category = None
    for name in names:
        spec_category = getattr(specs[name], "category", None)
        if spec_category and spec_category != category:
            category = spec_category
            combo.addItem(f"— {translate('TrainingInspector', category)} —")
            header = combo.model().item(combo.count() - 1)
            header.setEnabled(False)
            header.setData(HEADER, Qt.ItemDataRole.UserRole)
        combo.addItem(name)
        combo.setItemData(combo.count() - 1, engine_text(getattr(specs[name], "help", "")),
                          Qt.ItemDataRole.ToolTipRole)
    return combo


def combo_names(combo: QComboBox) -> list[str]:
    """The choosable names of a combo made by _combo (headers left out)."""
    return [combo.itemText(i) for i in range(combo.count())
            if combo.itemData(i, Qt.ItemDataRole.UserRole) != HEADER]


class _Section(QGroupBox):
    """A titled box with a name combo, its help text and a ParamForm for its params;
    the form is rebuilt when the chosen name changes."""

    def __init__(self, title: str, specs: dict, parent=None, with_params: bool = True):
        super().__init__(title, parent)
        self.specs = specs
        self.with_params = with_params
        self.layout_ = QVBoxLayout(self)
        self.combo = _combo(list(specs), specs, self)
        self.help = help_label("", self)
        self.layout_.addWidget(self.combo)
        self.layout_.addWidget(self.help)
        self.form: ParamForm | None = None
        self.shown_name: str | None = None

    def show_choice(self, name, values) -> None:
        """Show the chosen ``name`` and its params as stored; a name the registry does not
        know (or no name at all) leaves the combo blank and says so, in red."""
        known = isinstance(name, str) and name in self.specs
        shown = name if known else f"unknown:{stored_text(name)}"
        if shown != self.shown_name:
            self.shown_name = shown
            self.combo.blockSignals(True)
            if known:
                self.combo.setCurrentText(name)
            else:
                self.combo.setCurrentIndex(-1)
            self.combo.blockSignals(False)
            spec = self.specs.get(name) if known else None
            self.help.setText(engine_text(spec.help) if known else translate(
                "TrainingInspector", "Unknown {what} {name}: choose one in the list").format(
                    what=self.title().lower(), name=repr(stored_text(name))))
            self.help.setProperty("role", "help" if known else "error")
            self.help.style().polish(self.help)
            self._set_invalid(self.combo, not known)
            self._rebuild_form(spec)
        if self.form is not None:
            self.form.set_values(values if isinstance(values, dict) else {})

    @staticmethod
    def _set_invalid(widget, on: bool) -> None:
        widget.setProperty("invalid", on)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _rebuild_form(self, spec) -> None:
        if self.form is not None:
            self.layout_.removeWidget(self.form)
            self.form.hide()
            self.form.deleteLater()
            self.form = None
        params = tuple(getattr(spec, "params", ()) or ())
        if self.with_params and params:
            self.form = ParamForm(params, self)
            self.layout_.insertWidget(2, self.form)
            self.on_form_built(self.form)

    def on_form_built(self, form: ParamForm) -> None:   # the page connects it
        pass


class TrainingInspector(QWidget):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("inspector_page")
        self.document = document
        reg = registries()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        from gui.description_panel import DescriptionPanel
        self.description = DescriptionPanel(document, self)
        layout.addWidget(self.description)
        title = help_label(translate("TrainingInspector", "Training settings"), self)
        title.setObjectName("inspector_title")
        title.setProperty("role", "")
        layout.addWidget(title)
        layout.addWidget(help_label(translate("TrainingInspector",
                                              "Select a node on the canvas to edit it; click "
                                              "the empty canvas to come back here."), self))
        self.defaults_note = help_label(translate("TrainingInspector", DEFAULTS_NOTE), self)
        layout.addWidget(self.defaults_note)
        self.locked_note = help_label(translate("TrainingInspector",
                                                "A training run is active (running or "
                                                "paused): press Stop to change these "
                                                "settings."), self)
        self.locked_note.hide()
        layout.addWidget(self.locked_note)
        self.problems = help_label("", self, role="error")     # training / file-level ones
        layout.addWidget(self.problems)
        self.dataset = self._section(translate("TrainingInspector", "Data"),
                                     reg["dataset"], "dataset.params")
        self.split_form = ParamForm((VALIDATION_SPLIT,), self.dataset)
        self.split_form.edited.connect(lambda _n, v: self._set("dataset.validation_split", v))
        self.split_form.resetRequested.connect(
            lambda _n: self._set("dataset.validation_split", VALIDATION_SPLIT.default))
        self.dataset.layout_.addWidget(self.split_form)
        self.loss = self._section(translate("TrainingInspector", "Loss"), reg["loss"],
                                  None)
        self.optimizer = self._section(translate("TrainingInspector", "Optimizer"),
                                       reg["optimizer"], "optimizer")
        self.scheduler = self._section(translate("TrainingInspector", "Learning-rate schedule"),
                                       reg["scheduler"], "scheduler")
        from gui.schedule_plot import SchedulePlot
        self.schedule_plot = SchedulePlot(self.scheduler)
        self.scheduler.layout_.addWidget(self.schedule_plot)
        reg_box = QGroupBox(translate("TrainingInspector",
                                      "Regularization (penalties on the weights)"), self)
        self.regularization_form = ParamForm(REGULARIZATION_PARAMS, reg_box)
        self.regularization_form.edited.connect(
            lambda n, v: self._set(f"regularization.{n}", v))
        self.regularization_form.resetRequested.connect(
            lambda n: self._set(f"regularization.{n}", None))
        QVBoxLayout(reg_box).addWidget(self.regularization_form)
        run_box = QGroupBox(translate("TrainingInspector", "Run"), self)
        run_layout = QVBoxLayout(run_box)
        self.run_form = ParamForm(RUN_PARAMS, run_box)
        self.run_form.edited.connect(self._set)
        self.run_form.resetRequested.connect(lambda n: self._set(n, None))
        run_layout.addWidget(self.run_form)
        self.boxes = (self.dataset, self.loss, self.optimizer, self.scheduler, reg_box, run_box)
        for box in self.boxes:
            layout.addWidget(box)
        layout.addStretch(1)
        self.dataset.combo.currentTextChanged.connect(self._choose_dataset)
        self.loss.combo.currentTextChanged.connect(lambda name: self._set("loss", name))
        self.optimizer.combo.currentTextChanged.connect(self._choose_optimizer)
        self.scheduler.combo.currentTextChanged.connect(
            lambda name: self._set("scheduler", {"name": name}))
        document.trainingChanged.connect(self.refresh)
        document.networkReplaced.connect(self.refresh)
        document.lockedChanged.connect(self._on_locked)
        document.analysisChanged.connect(self._show_problems)
        self.refresh()
        self._show_problems()

    def _section(self, title: str, specs: dict, prefix: str | None) -> _Section:
        section = _Section(title, specs, self, with_params=prefix is not None)
        if prefix is not None:
            def connect(form: ParamForm) -> None:
                form.edited.connect(lambda n, v: self._set(f"{prefix}.{n}", v))
                form.resetRequested.connect(lambda n: self._set(f"{prefix}.{n}", None))
            section.on_form_built = connect
        return section

    # ---- reading the document ----------------------------------------------------------------
    @property
    def training(self) -> dict:
        return self.document.network.training

    def refresh(self) -> None:
        """Show the training section as stored: a value its field refuses is shown as it
        is, marked invalid (the analysis lists it with the others above)."""
        self.defaults_note.setVisible(not self.document.network.has_training)
        t = self.training
        data = _dict(t.get("dataset"))
        self.dataset.show_choice(data.get("name", ""), data.get("params") or {})
        self.split_form.set_values(_given(data, ("validation_split",)))
        self.loss.show_choice(t.get("loss", ""), {})
        opt = _dict(t.get("optimizer"))
        self.optimizer.show_choice(opt.get("name", ""),
                                   {k: v for k, v in opt.items() if k != "name"})
        sched = _dict(t.get("scheduler")) or {"name": "none"}
        self.scheduler.show_choice(sched.get("name", ""),
                                   {k: v for k, v in sched.items() if k != "name"})
        self.regularization_form.set_values(_dict(t.get("regularization")))
        self.run_form.set_values(_given(t, [p.name for p in RUN_PARAMS]))
        self.schedule_plot.set_schedule(sched, self._lr(opt), t.get("epochs",
                                                                    RUN_PARAMS[1].default))

    def _show_problems(self) -> None:
        problems = self.document.analysis.messages.get(None) or []
        self.problems.setText("\n".join(f"⚠ {m}" for m in problems))
        self.problems.setVisible(bool(problems))

    def _on_locked(self, locked: bool) -> None:
        for box in self.boxes:         # the page stays readable; only the editors grey out
            box.setEnabled(not locked)
        self.locked_note.setVisible(locked)

    def _lr(self, opt: dict):
        """The lr as stored (the schedule plot says when it is no number), else the
        optimizer's default."""
        if "lr" in opt:
            return opt["lr"]
        spec = self.optimizer.specs.get(opt.get("name")) if isinstance(opt.get("name"), str) \
            else None
        for p in getattr(spec, "params", ()):
            if p.name == "lr":
                return float(p.default)
        return 0.001

    # ---- editing ------------------------------------------------------------------------------
    def _set(self, path: str, value) -> None:
        """One undoable edit of one field of the training section (None: its default)."""
        if self.document.locked:
            self.refresh()
            return
        command = SetTraining.for_field(self.document, path, value)
        if command.new != command.old:
            self.document.undo_stack.push(command)

    def _choose_dataset(self, name: str) -> None:
        # another dataset has other params: start from its defaults, keep the split
        data = dict(_dict(self.training.get("dataset")))
        section = {"name": name, "params": {}}
        if "validation_split" in data:
            section["validation_split"] = data["validation_split"]
        self._set("dataset", section)

    def _choose_optimizer(self, name: str) -> None:
        # keep the learning rate (a user's choice worth keeping), drop the rest
        old = _dict(self.training.get("optimizer"))
        new = {"name": name}
        if "lr" in old:
            new["lr"] = old["lr"]
        self._set("optimizer", new)


def _dict(value) -> dict:
    """A part of the training section that should be an object; {} when it is not (the
    analysis names that problem)."""
    return value if isinstance(value, dict) else {}


def _given(section: dict, names) -> dict:
    """The fields of ``section`` among ``names`` that it holds (missing ones: defaults)."""
    return {name: section[name] for name in names if name in section}
