"""Trainers that fail on purpose, importable by a training process (a child imports the class
of the Trainer it runs by name, so a monkeypatch in the test process would not reach it)."""
from __future__ import annotations

from engine.training.trainer import Trainer


class BrokenStepTrainer(Trainer):
    """Every training step raises."""

    def _train_step(self):
        raise RuntimeError("boom in the training step")


class BlasThreadsTrainer(Trainer):
    """Its first step fails with the number of BLAS threads its process may use."""

    def _train_step(self):
        from threadpoolctl import threadpool_info
        threads = sorted({p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"})
        raise RuntimeError(f"blas threads {threads}")
