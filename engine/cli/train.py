"""``python main.py train FILE [--epochs N] [--seed S] [--out DIR]``: training without a window.

A file without a training section trains on the defaults, and a note on stderr says which.
A progress bar (epoch, loss, metric, rate) goes to stderr; the last stdout line is the final
JSON (epochs, train_loss, val_loss, val_accuracy or val_rmse, seconds, ...). Ctrl+C asks the
Trainer to stop after the current step, so the results are still written; a second Ctrl+C
aborts at once. Exit status: 0 completed, 1 diverged, 2 bad input, 130 interrupted.

``--out`` is checked before training (a folder that cannot be written is bad input, exit 2).
If writing a result still fails afterwards (a full disk), the JSON line is printed anyway,
an error line names each file that could not be written, and the exit status is 2.
"""
from __future__ import annotations

import csv
import io
import json
import math
import signal
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from engine.cli.common import (EXIT_BAD_INPUT, EXIT_OK, analysed_if_valid, load_network,
                               print_errors, printable)
from engine.errors import NetwrightError
from engine.files import (FolderNotWritable, atomic_write_text, check_folder_writable,
                          remove_stale_temporaries)
from engine.graph.network import default_training_note
from engine.training.allocator import keep_freed_memory
from engine.training.messages import DivergedEvent, EpochEvent, FinishedEvent, StepEvent
from engine.training.trainer import Trainer

EXIT_DIVERGED, EXIT_INTERRUPTED = 1, 130
EXIT_BY_REASON = {"completed": EXIT_OK, "diverged": EXIT_DIVERGED, "stopped": EXIT_INTERRUPTED}
POSTFIX_EVERY_S = 0.25        # refresh the bar's loss/rate at most this often
OUTPUT_FILES = ("weights.npz", "history.csv", "metrics.json")


def run_train(args) -> int:
    """``args`` from engine.cli.main's parser: file, epochs, seed, out. Returns the exit status."""
    net = load_network(args.file)
    if net is None:
        return EXIT_BAD_INPUT
    if not net.has_training:
        print(f"note: {default_training_note()}", file=sys.stderr)
    if analysed_if_valid(net, training=True) is None:
        return EXIT_BAD_INPUT
    if args.epochs is not None:
        net.training["epochs"] = args.epochs
    out = Path(args.out) if args.out else None
    try:
        if out is not None:
            _prepare_out(out)
        trainer = Trainer(net, seed=args.seed)
    except (NetwrightError, OSError) as e:
        print_errors([_describe(e, out)])
        return EXIT_BAD_INPUT
    keep_freed_memory()        # this process only trains from here on
    start = time.perf_counter()
    with _stop_on_ctrl_c(trainer):
        finished = _train_with_progress(trainer)
    result = _result(trainer, finished, time.perf_counter() - start)
    unwritten = _write_outputs(out, trainer, result) if out is not None else []
    print(json.dumps(result))               # the run's result even if its files failed
    if unwritten:
        print_errors(unwritten)
        return EXIT_BAD_INPUT
    return EXIT_BY_REASON[finished.reason]


def _prepare_out(out: Path) -> None:
    """Make ``out`` and prove a file can be made in it now, so a read-only folder is refused
    before a long run rather than after it; drop temporaries a killed earlier run left."""
    out.mkdir(parents=True, exist_ok=True)
    check_folder_writable(out)
    for name in OUTPUT_FILES:
        remove_stale_temporaries(out / name)


def _describe(e: Exception, out: Path | None) -> str:
    if isinstance(e, FolderNotWritable):
        return f"cannot write to the output folder {str(out)!r}: {e.strerror or e}"
    if isinstance(e, OSError):
        return f"cannot create the output folder {str(out)!r}: {e.strerror or e}"
    return str(e)


@contextmanager
def _stop_on_ctrl_c(trainer: Trainer):
    """First Ctrl+C: stop cleanly after the current step. Second: the usual interrupt."""
    def handler(signum, frame):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("\nstopping after this step (Ctrl+C again to abort)", file=sys.stderr)
        trainer.stop()
    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:                 # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _train_with_progress(trainer: Trainer) -> FinishedEvent:
    metric = "val_accuracy" if trainer.task == "classification" else "val_rmse"
    bar = tqdm(total=trainer.epochs, initial=trainer.epoch, unit="epoch", file=sys.stderr,
               dynamic_ncols=True, desc="train")
    shown = {}
    last_postfix = 0.0
    try:
        for event in trainer.run():
            if isinstance(event, StepEvent):
                shown.update(loss=f"{event.loss:.4g}", rate=f"{event.examples_per_sec:,.0f}/s")
                if time.perf_counter() - last_postfix > POSTFIX_EVERY_S:
                    bar.set_postfix(shown, refresh=True)
                    last_postfix = time.perf_counter()
            elif isinstance(event, EpochEvent):
                shown["loss"] = f"{event.train_loss:.4g}"
                if event.metrics.get(metric) is not None:
                    shown[metric] = f"{event.metrics[metric]:.4g}"
                bar.set_postfix(shown, refresh=False)
                bar.update(1)
            elif isinstance(event, DivergedEvent):
                bar.write(printable(event.message), file=sys.stderr)
            elif isinstance(event, FinishedEvent):
                return event
    finally:
        bar.close()
    raise AssertionError("Trainer.run() ended without a FinishedEvent")


def _result(trainer: Trainer, finished: FinishedEvent, seconds: float) -> dict:
    metrics = {k: _plain(v) for k, v in finished.metrics.items()}
    ordered = {"epochs": finished.epochs, "steps": finished.step, "reason": finished.reason,
               "train_loss": metrics.pop("train_loss"), "val_loss": metrics.pop("val_loss")}
    key = "val_accuracy" if trainer.task == "classification" else "val_rmse"
    ordered[key] = metrics.pop(key)
    return {**ordered, **metrics, "seconds": round(seconds, 3)}


def _plain(v):
    """JSON has no NaN: a missing or non-finite number becomes null."""
    return None if v is None or not math.isfinite(v) else float(v)


def _write_outputs(out: Path, trainer: Trainer, result: dict) -> list[str]:
    """Write each result file; one failure (a full disk) does not stop the others. Returns
    a line per file that could not be written (atomic writes leave no partial file)."""
    writers = {"weights.npz": lambda p: trainer.model.save_weights(p),
               "history.csv": lambda p: _write_history(p, trainer.history),
               "metrics.json": lambda p: atomic_write_text(p, json.dumps(result, indent=2) + "\n")}
    failed = []
    for name in OUTPUT_FILES:
        try:
            writers[name](out / name)
        except OSError as e:
            failed.append(f"could not write {str(out / name)!r}: {e.strerror or e} "
                          f"(the run itself finished: its result is the JSON line)")
    return failed


def _write_history(path: Path, history: list[dict]) -> None:
    """One row per completed epoch: epoch, step, lr, train_loss, val_loss, metrics."""
    columns = ["epoch", "step", "lr", "train_loss", "val_loss"]
    for record in history:
        columns += [k for k in record if k not in columns]
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(columns)
    for record in history:
        writer.writerow(["" if record.get(c) is None else record[c] for c in columns])
    atomic_write_text(path, text.getvalue())
