"""Verifying a lesson headless (``main.py lessons --verify``): open its example, apply each
step's edits, train as the window's Train would (a fresh run with the network's own
``training.seed`` after any change; an unchanged network continues its run) and evaluate
every check and record at the first epoch end where its ``after`` is reached, which is when
the Lessons dock first evaluates it. No probes are asked for: the run costs what training
costs."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from threadpoolctl import threadpool_limits

from engine.errors import NetwrightError
from engine.graph.analysis import analyse
from engine.graph.network import Network, run_key
from engine.lessons.checks import PASS, evaluate
from engine.lessons.edits import apply_edits
from engine.lessons.fields import LessonError
from engine.lessons.format import Lesson, Record, Step
from engine.lessons.measure import MeasureError, measure
from engine.lessons.training_run import RunEnded, TrainingRun
from engine.training.process import BLAS_THREADS

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
LESSONS_DIR, EXAMPLES_DIR = RESOURCES / "lessons", RESOURCES / "examples"


class StepFailed(Exception):
    """Why a step does not hold (the Verdict's reason)."""


@dataclass(frozen=True)
class Verdict:
    """The outcome of verifying one lesson file."""
    file: str
    lesson: Lesson | None          # None: the file is not a valid lesson
    passed: bool
    reason: str = ""               # why it failed: "step 2: val_accuracy 0.81, needs ≥ 0.95"
    epochs_trained: int = 0        # every epoch trained for it, over all its runs

    def line(self, lang: str = "en") -> str:
        name = (f"{self.lesson.concept} {self.lesson.title(lang)}" if self.lesson
                else self.file)
        return f"PASS {name}" if self.passed else f"FAIL {name}: {self.reason}"


def failed_file(error: LessonError, file: str) -> Verdict:
    """The verdict of a file that could not be read as a lesson."""
    reason = str(error)
    reason = reason[len(file) + 2:] if reason.startswith(file + ": ") else reason
    return Verdict(file=file, lesson=None, passed=False, reason=reason)


def verify_lesson(lesson: Lesson, examples: Path = EXAMPLES_DIR,
                  datasets: dict | None = None) -> Verdict:
    """Run ``lesson``'s steps in order; the first step that does not hold fails it.
    ``datasets``: a cache of loaded datasets shared between lessons (by section and seed).
    BLAS gets the training process's thread count, so the numbers are the window's (a
    different thread count may round a GEMM differently) and no BLAS thread spins."""
    with threadpool_limits(BLAS_THREADS):
        return _verify_steps(lesson, _LessonState(examples, {} if datasets is None
                                                  else datasets))


def _verify_steps(lesson: Lesson, state: "_LessonState") -> Verdict:
    try:
        state.open_example(lesson.example)
        for step in lesson.steps:
            try:
                state.run_step(step)
            except (StepFailed, LessonError) as e:
                return Verdict(lesson.file, lesson, False, f"step {step.number}: {e}",
                               state.epochs_trained)
    except StepFailed as e:
        return Verdict(lesson.file, lesson, False, str(e), state.epochs_trained)
    finally:
        state.close()
    return Verdict(lesson.file, lesson, True, "", state.epochs_trained)


class _LessonState:
    """The network a lesson has reached, its current run and what was recorded."""

    def __init__(self, examples: Path, datasets: dict):
        self.examples, self.datasets = examples, datasets
        self.network: dict = {}
        self.folder: Path | None = None
        self.run: TrainingRun | None = None
        self.recorded: dict = {}
        self.epochs_trained = 0

    def open_example(self, stem: str) -> None:
        path = self.examples / f"{stem}.nw.json"
        if not path.is_file():
            raise StepFailed(f"example {stem!r} not found ({path})")
        try:
            self.network = Network.load(path).to_dict()
        except NetwrightError as e:
            raise StepFailed(f"example {stem!r} cannot be opened: {e}") from None
        self.folder = path.parent
        self._drop_run()

    def run_step(self, step: Step) -> None:
        before = self.network
        for action in step.actions:
            if action.do == "open_example":
                self.open_example(action.example)
                before = self.network
        if step.edits:
            self.network = apply_edits(self.network, step.edits)
            _check_graph(self.network)
        for action in step.actions:
            if action.do == "select_node" and not any(
                    _has_node(net, action.node) for net in (before, self.network)):
                raise StepFailed(f"select_node: the network has no node {action.node!r}")
        items = [i for i in (step.record, step.check) if i is not None]
        if any(i.after is not None for i in items):
            self._train_until(items)
        for item in items:
            if item.after is None:
                self._evaluate(item)

    def _train_until(self, items: list) -> None:
        pending = [i for i in items if i.after is not None]
        if self.run is None or self.run.key != run_key(self.network) or any(
                self.run.passed(i.after) for i in pending):
            self._drop_run()
            try:
                self.run = TrainingRun(self.network, self.folder, self.datasets)
            except RunEnded as e:
                raise StepFailed(str(e)) from None
        while True:
            for item in [i for i in pending if self.run.record.reached(i.after)]:
                self._evaluate(item)            # the run may already stand there
                pending.remove(item)
            if not pending:
                return
            try:
                self.epochs_trained += self.run.next_epoch()
            except RunEnded as e:
                raise StepFailed(f"{_names(pending)}: {e}") from None

    def _evaluate(self, item) -> None:
        record = self.run.record if self.run is not None else None
        if isinstance(item, Record):             # remember its value for later steps
            try:
                self.recorded[item.name] = measure(item, record, self.network)
            except MeasureError as e:
                raise StepFailed(f"record {item.name!r}: {e}") from None
            return
        result = evaluate(item, record, self.network, self.recorded)
        if result.state != PASS:
            raise StepFailed(result.text)

    def _drop_run(self) -> None:
        if self.run is not None:
            self.run.close()
        self.run = None

    def close(self) -> None:
        self._drop_run()


def _names(items: list) -> str:
    return ", ".join(f"{i.metric} after {i.after.text()}" for i in items)


def _has_node(network: dict, node_id: str) -> bool:
    return any(n.get("id") == node_id for n in network.get("nodes", []))


def _check_graph(network: dict) -> None:
    problems = analyse(Network.from_dict(network)).graph_problems
    if problems:
        raise StepFailed(f"after the edits the network has a problem: {problems[0]}")

