"""How much memory training a network takes, from shapes alone (no data, no allocation),
and how much this machine lets it take.

``estimate_memory(training, g, nodes, order)`` counts what the engine really keeps while
it trains (float32 everywhere):
- per weight: the weight, its gradient, the optimizer's state (counted on a one-number
  probe optimizer, so adam's two moments, sgd's lazy momentum buffer... are exactly what
  engine.optim keeps) and the Trainer's last good copy (weights and optimizer state, kept
  for divergence); once, the optimizer's two scratch arrays (a chunk each: at most
  engine.optim.flat.CHUNK numbers);
- per node at the batch size: its output (kept for backward), what the layer keeps for
  its backward (Dropout's mask, BatchNorm's normalised input, MaxPool's argmax), Conv2D's
  reused im2col workspace for the few images it convolves at a time (padded images,
  columns, GEMM output, and for backward the gradient's), plus the largest backward
  temporaries of any one node;
- the evaluation pass at the end of each epoch (forward only, in chunks of up to
  EVAL_BATCH examples; Conv2D's workspaces are the training's, grown if it works more
  images at a time);
- the dataset arrays when their size is known from the file (a ``samples`` setting).
Measured against the peak RSS of real training steps in benchmarks/memory_estimate.py.

The budget is BUDGET_FRACTION of physical memory, or the byte count in the environment
variable NETWRIGHT_MEMORY_BUDGET (e.g. "2GB"; tests set it so they do not depend on the
machine).
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from engine.graph.network import DEFAULT_TRAINING
from engine.graph.nodes import NodeFacts
from engine.graph.topology import Graph
from engine.nn.layers.base import FLOAT_BYTES, Footprint
from engine.optim.flat import CHUNK

FLOAT = FLOAT_BYTES                # bytes: the engine trains in float32
EVAL_BATCH = 1024                  # engine.training.metrics.EVAL_BATCH (evaluation chunks)
BUDGET_FRACTION = 0.5              # of physical memory: the rest is the OS, the window...
BUDGET_ENV = "NETWRIGHT_MEMORY_BUDGET"
ASSUMED_MEMORY = 8 * 1024 ** 3     # when the machine does not say how much it has
UNITS = ("bytes", "KB", "MB", "GB", "TB")


# ---- the estimate -------------------------------------------------------------------------
class NodeMemory(NamedTuple):      # a NamedTuple: one per node on every edit, made fast
    """One node's share, in bytes."""

    id: str
    type: str
    weights: int          # weights, gradients, optimizer state, the last good copy
    activations: int      # at the batch size, and its evaluation buffers

    @property
    def total(self) -> int:
        return self.weights + self.activations

    def describe(self) -> str:
        what = "activations" if self.activations >= self.weights else "weights and state"
        return f"{self.id!r} {self.type} {format_bytes(self.total)} {what}"


@dataclass(frozen=True)
class MemoryEstimate:
    batch_size: int
    eval_batch: int
    optimizer: str
    slots: int                    # optimizer arrays per weight (adam 2)
    weights: int                  # weights and their gradients
    optimizer_state: int          # the optimizer's state and scratch, the last good copy
    activations: int              # training steps at batch_size
    evaluation: int               # the evaluation pass at eval_batch
    data: int                     # the dataset arrays (0: size unknown from the file)
    nodes: tuple[NodeMemory, ...]

    @property
    def total(self) -> int:
        return (self.weights + self.optimizer_state + self.activations + self.evaluation
                + self.data)

    def biggest(self, n: int = 3) -> list[NodeMemory]:
        ranked = sorted(self.nodes, key=lambda m: m.total, reverse=True)
        return [m for m in ranked[:n] if m.total > 0]

    def line(self) -> str:
        """"about 12.3 MB at batch 32": what ``check`` and the window show."""
        return f"about {format_bytes(self.total)} at batch {self.batch_size}"

    def breakdown(self) -> list[str]:
        """One line per part, biggest nodes last (the window's tooltip)."""
        slots = f"{self.slots} per weight" if self.slots != 1 else "1 per weight"
        lines = [f"weights and gradients: {format_bytes(self.weights)}",
                 f"optimizer state ({self.optimizer}, {slots}), scratch and the last good "
                 f"copy: {format_bytes(self.optimizer_state)}",
                 f"activations and layer buffers at batch {self.batch_size}: "
                 f"{format_bytes(self.activations)}",
                 f"evaluation in chunks of {'' if self.data else 'up to '}{self.eval_batch}"
                 f": {format_bytes(self.evaluation)}",
                 f"dataset arrays: {format_bytes(self.data)}" if self.data else
                 "dataset arrays: not counted (their size is not in the file)"]
        big = self.biggest()
        if big:
            lines.append("biggest: " + ", ".join(m.describe() for m in big))
        return lines


def estimate_memory(training, g: Graph, nodes: dict[str, NodeFacts],
                    order: list[str]) -> MemoryEstimate | None:
    """The estimate for training section ``training`` (its invalid or missing settings
    taken from the defaults), or None while some node's shape is unknown."""
    if not order or len(order) != len(g.ids) or any(nodes[n].shape is None for n in order):
        return None
    t = training if isinstance(training, dict) else {}
    batch = _batch_size(t)
    samples, split = _samples_and_split(t.get("dataset"))
    n_val = None if samples is None else max(1, round(samples * split))
    eval_batch = min(EVAL_BATCH, n_val or EVAL_BATCH)
    name, slots = _optimizer_slots(t.get("optimizer"))
    copies = 1 + 2 * slots          # the state, and the last good copy of weights and state
    weights = state = train = evaluation = transient = trainable = 0
    per_node = []
    for nid in order:
        facts = nodes[nid]
        f = _footprint(g, nodes, nid)
        count = facts.param_count or 0
        w, st = 2 * count * FLOAT, (1 if facts.frozen else copies) * count * FLOAT
        trainable += 0 if facts.frozen else count
        tr = ((f.out + f.kept) * batch + (f.ws_fwd + f.ws_bwd) * _at_once(f, batch)) * FLOAT
        # The evaluation reuses the training's workspaces: only a larger chunk adds.
        extra = max(0, _at_once(f, eval_batch) - _at_once(f, batch))
        ev = (f.out * eval_batch + f.ws_fwd * extra) * FLOAT
        weights, state, train, evaluation = weights + w, state + st, train + tr, evaluation + ev
        transient = max(transient, f.transient)
        per_node.append(NodeMemory(nid, facts.type, w + st, tr + ev))
    data = 0 if samples is None else samples * (_input_size(nodes, order) * FLOAT + 8)
    scratch = 2 * min(trainable, CHUNK) * FLOAT
    return MemoryEstimate(batch, eval_batch, name, slots, weights=weights,
                          optimizer_state=state + scratch,
                          activations=train + transient * batch * FLOAT,
                          evaluation=evaluation, data=data, nodes=tuple(per_node))


def _config(g: Graph, nid: str) -> dict:
    """The node's params with defaults filled in. Not validated again: the estimate is
    made only when every node has a shape, so its params were valid (validating them
    again took most of the time on a 10,000-node graph)."""
    node = g.nodes[nid]
    return {**_defaults(node["type"]), **(node.get("params") or {})}


@lru_cache(maxsize=None)
def _defaults(type_name: str) -> dict:
    from engine.nn.layers import LAYERS
    return LAYERS[type_name].defaults()


def _at_once(f: Footprint, batch: int) -> int:
    """Examples a layer's workspaces hold at once (Conv2D works a chunk at a time)."""
    return min(batch, f.chunk) if f.chunk else batch


# ---- what each layer keeps, in floats per example: each layer class says (memory_footprint)
def _footprint(g: Graph, nodes: dict[str, NodeFacts], nid: str) -> Footprint:
    facts, srcs = nodes[nid], g.inputs[nid]
    fed_by_data = all(nodes[s].type == "Input" for s in srcs)        # no input gradient
    return _layer_class(facts.type).memory_footprint(
        _config(g, nid), [nodes[s].shape for s in srcs], facts.shape, fed_by_data)


@lru_cache(maxsize=None)
def _layer_class(type_name: str):
    from engine.nn.layers import LAYERS
    return LAYERS[type_name].cls


# ---- the training settings it depends on -------------------------------------------------------
def _batch_size(t: dict) -> int:
    """The file's batch size; the default where it is invalid (reported on its own)."""
    b = t.get("batch_size")
    if isinstance(b, int) and not isinstance(b, bool) and 1 <= b <= 2 ** 53:
        return b                      # 2 ** 53: the largest training_checks accepts
    return DEFAULT_TRAINING["batch_size"]


def _samples_and_split(section) -> tuple[int | None, float]:
    """(examples in the dataset if the file says, validation fraction)."""
    if not isinstance(section, dict):
        return None, 0.2
    split = section.get("validation_split", 0.2)
    if not isinstance(split, (int, float)) or isinstance(split, bool) or not 0 <= split < 1:
        split = 0.2
    params = section.get("params") if isinstance(section.get("params"), dict) else {}
    from engine.data import DATASETS
    spec = DATASETS.get(section.get("name")) if isinstance(section.get("name"), str) else None
    if spec is None or not any(p.name == "samples" for p in spec.params):
        return None, split
    samples = params.get("samples", spec.param("samples").default)
    if not isinstance(samples, int) or isinstance(samples, bool) or samples < 1:
        return None, split
    return samples, split


def _optimizer_slots(config) -> tuple[str, int]:
    """(optimizer name, arrays it keeps per weight); adam's defaults for an invalid one."""
    from engine.optim.optimizers import validate_optimizer_config
    try:
        spec, hyper = validate_optimizer_config(config)
    except (ValueError, TypeError):
        spec, hyper = validate_optimizer_config(DEFAULT_TRAINING["optimizer"])
    # The state's size does not depend on the rate; a huge one would only overflow the probe.
    return spec.name, _slots(spec.name, tuple(sorted((k, v) for k, v in hyper.items()
                                                     if k != "lr")))


@lru_cache(maxsize=64)
def _slots(name: str, hyper: tuple) -> int:
    """Arrays the optimizer keeps per parameter, counted on a one-number parameter after
    one step (sgd makes its momentum buffer at the first step)."""
    import numpy as np
    from engine.optim.optimizers import OPTIMIZERS
    p, grad = np.zeros(1, np.float32), np.zeros(1, np.float32)
    opt = OPTIMIZERS[name].cls({"p": (p, grad)}, {**dict(hyper), "lr": 1.0})
    opt.step()
    return len(opt.state["p"])


def _input_size(nodes: dict[str, NodeFacts], order: list[str]) -> int:
    return sum(math.prod(nodes[n].shape) for n in order if nodes[n].type == "Input")


# ---- the budget --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Budget:
    bytes: int
    why: str        # "this machine has 23.4 GB, Netwright allows 50%"


def memory_budget() -> Budget:
    """What training may use: NETWRIGHT_MEMORY_BUDGET if set (and valid), else
    BUDGET_FRACTION of physical memory (of ASSUMED_MEMORY where it cannot be read)."""
    given = parse_bytes(os.environ.get(BUDGET_ENV, ""))
    if given is not None:
        return Budget(given, f"the budget {BUDGET_ENV} sets is {format_bytes(given)}")
    share = f"Netwright allows {BUDGET_FRACTION:.0%}"
    physical = physical_memory()
    if physical is None:
        return Budget(int(ASSUMED_MEMORY * BUDGET_FRACTION),
                      f"this machine's memory is unknown, taken as "
                      f"{format_bytes(ASSUMED_MEMORY)}; {share}")
    return Budget(int(physical * BUDGET_FRACTION),
                  f"this machine has {format_bytes(physical)}, {share}")


@lru_cache(maxsize=1)
def physical_memory() -> int | None:
    """Bytes of RAM (Linux, macOS and other POSIX systems); None where it cannot be read."""
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):     # Windows has no sysconf
        return None
    return pages * size if pages > 0 and size > 0 else None


def parse_bytes(text: str) -> int | None:
    """"2GB", "512 MB", "1e9" -> bytes (1024-based units); None for anything else."""
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?(?:[eE][0-9]+)?)\s*([KMGT]?)B?\s*",
                     text.upper())
    if not m:
        return None
    value = float(m.group(1)) * 1024 ** " KMGT".index(m.group(2) or " ")
    return int(value) if math.isfinite(value) and value >= 1 else None


def format_bytes(n: int) -> str:
    """"12.3 MB" (1024-based units); integer arithmetic, so an absurd size (a batch of
    10**300) never overflows a float."""
    n = int(n)
    for power in range(len(UNITS) - 1, 0, -1):
        if n >= 1024 ** power:
            tenths = (n * 10 + 1024 ** power // 2) // 1024 ** power       # rounded
            if tenths >= 10 ** 10:
                return "more than a billion TB"
            return f"{tenths / 10:,.1f} {UNITS[power]}"
    return f"{n} bytes"


def memory_problem_text(estimate: MemoryEstimate, budget: Budget) -> str | None:
    """The refusal when ``estimate`` does not fit ``budget``; None when it does."""
    if estimate.total <= budget.bytes:
        return None
    big = ", ".join(m.describe() for m in estimate.biggest())
    return (f"the network needs about {format_bytes(estimate.total)} to train at batch "
            f"{estimate.batch_size} ({budget.why}): biggest: {big}: use a smaller batch size "
            f"or smaller layers (fewer units or filters)")
