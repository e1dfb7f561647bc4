"""An optimizer race: 2-4 variations of one network's training, trained from the same start on
the same batches, and the plane (PCA of all their weight paths) their paths are drawn on.

    nets = [racer_network(doc, {"optimizer": "sgd", "lr": 0.1}), racer_network(doc, {...})]
    labels = race_labels(nets)                      # what differs: 'optimizer sgd, lr 0.1'
    proc = TrainingProcess(RaceTrainer(nets[0], dataset=data))    # one per racer
    ... PathPoints messages come with the steps: each racer's weights every few steps
    plane = race_plane([path_a, path_b])            # shared PCA plane, every path on it
    grid = plane_surface(plane, nets[0], seed, *surface_examples(data))   # loss over it

"The same start": every racer compiles its network with the same seed. Racers that differ in
optimizer, lr, momentum or batch size then start from bitwise identical weights; a racer with
another activation has the same weights too (activations hold none), one with another init
draws other weights from the same seed. "The same batches": the shuffle of each epoch is drawn
from the seed alone (Trainer's SHUFFLE_STREAM), so every racer sees the examples in the same
order; with another batch size that order is cut into batches of another size, so an epoch is
the same examples in the same order, not the same steps: compare racers by epoch.
"""
from __future__ import annotations

import copy
import math
import os
import time
from dataclasses import dataclass

import numpy as np

from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.nn import losses
from engine.optim.optimizers import OPTIMIZERS
from engine.training import loss_surface
from engine.training.messages import StepEvent
from engine.training.trainer import Trainer
from engine.training.weight_path import Layout, principal_directions

MIN_RACERS, MAX_RACERS = 2, 4
HIDDEN_ACTIVATIONS = ("Sigmoid", "Tanh", "ReLU", "LeakyReLU", "ELU")
WEIGHT_LAYERS = ("Dense", "Conv2D")
CHANGES = ("optimizer", "lr", "momentum", "batch_size", "activation", "init")
PATH_POINTS = 200              # weights kept per racer's path, about
PATH_BYTES = 8 * 2 ** 20       # ... at most this much memory per racer
PATH_SEND_S = 0.2              # new path points go to the window at most this often
MARGIN = 0.25                  # the surface reaches this fraction of the paths' extent past them
PLANE_ROWS = 50                # rows of each path the plane is computed from, at most


@dataclass(frozen=True)
class PathPoints:
    """A racer's weights (flat, as Layout.of(trainable params)) after ``steps``."""
    steps: np.ndarray          # (m,) int64
    rows: np.ndarray           # (m, n) float32


# ---- the racers' networks ------------------------------------------------------------------------
def racer_network(network: dict, changes: dict) -> dict:
    """A copy of ``network`` (a document dict) with ``changes`` made to it: optimizer (a
    registered name; its other settings start from defaults), lr, momentum (for optimizers
    that have one), batch_size, activation (every hidden activation node becomes this type),
    init (every Dense/Conv2D). ValueError naming a change that does not fit."""
    unknown = sorted(set(changes) - set(CHANGES))
    if unknown:
        raise ValueError(f"race: unknown setting {unknown[0]!r} (one of {', '.join(CHANGES)})")
    net = copy.deepcopy(network)
    training = net.setdefault("training", {})
    optimizer = dict(training.get("optimizer") or {"name": "sgd"})
    if "optimizer" in changes and changes["optimizer"] != optimizer.get("name"):
        if changes["optimizer"] not in OPTIMIZERS:
            raise ValueError(f"race: unknown optimizer {changes['optimizer']!r}")
        optimizer = {"name": changes["optimizer"], "lr": optimizer.get("lr", 0.01)}
    if "lr" in changes:
        optimizer["lr"] = _positive(changes["lr"], "lr")
    if "momentum" in changes:
        if not _has_param(optimizer["name"], "momentum"):
            raise ValueError(f"race: optimizer {optimizer['name']} has no momentum")
        optimizer["momentum"] = float(changes["momentum"])
    training["optimizer"] = optimizer
    if "batch_size" in changes:
        training["batch_size"] = int(_positive(changes["batch_size"], "batch size"))
    if "activation" in changes:
        _set_activations(net, changes["activation"])
    if "init" in changes:
        for node in net.get("nodes", []):
            if node.get("type") in WEIGHT_LAYERS:
                node.setdefault("params", {})["init"] = changes["init"]
    return net


def _positive(value, what: str) -> float:
    value = float(value)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"race: {what} must be a positive number, got {value:g}")
    return value


def _has_param(optimizer: str, name: str) -> bool:
    return any(p.name == name for p in OPTIMIZERS[optimizer].params)


def hidden_activations(network: dict) -> list[dict]:
    """The activation nodes that feed another node (the output's Sigmoid/Softmax is part of
    the loss and stays)."""
    feeding = {e.get("from") for e in network.get("edges", [])}
    return [n for n in network.get("nodes", [])
            if n.get("type") in HIDDEN_ACTIVATIONS and n.get("id") in feeding]


def _set_activations(net: dict, kind: str) -> None:
    if kind not in HIDDEN_ACTIVATIONS:
        raise ValueError(f"race: activation must be one of {', '.join(HIDDEN_ACTIVATIONS)}")
    nodes = hidden_activations(net)
    if not nodes:
        raise ValueError("race: the network has no hidden activation to change")
    for node in nodes:
        node["type"], node["params"] = kind, {}


def race_settings(network: dict) -> dict:
    """The settings a race varies, as short texts: {"optimizer": "sgd", "lr": "0.1", ...}."""
    training = network.get("training") or {}
    optimizer = training.get("optimizer") or {}
    name = optimizer.get("name", "sgd")
    settings = {"optimizer": name, "lr": _text(optimizer.get("lr"))}
    if name in OPTIMIZERS and _has_param(name, "momentum"):
        settings["momentum"] = _text(optimizer.get("momentum", 0.0))
    settings["batch size"] = _text(training.get("batch_size"))
    settings["activation"] = "/".join(sorted({n["type"] for n in hidden_activations(network)}))
    settings["init"] = "/".join(sorted({str((n.get("params") or {}).get("init", "default"))
                                        for n in network.get("nodes", [])
                                        if n.get("type") in WEIGHT_LAYERS}))
    return settings


def race_labels(networks: list[dict]) -> list[str]:
    """Each racer named by the settings in which the racers differ ('optimizer sgd, momentum
    0.9'); racers that differ in nothing: 'same settings (racer k)'."""
    settings = [race_settings(n) for n in networks]
    keys = [k for k in CHANGES_ORDER if len({s.get(k) for s in settings}) > 1]
    labels = []
    for i, s in enumerate(settings):
        parts = [f"{k} {s[k]}" for k in keys if k in s]    # adam has no momentum to name
        labels.append(", ".join(parts) if parts else f"same settings (racer {i + 1})")
    return labels


CHANGES_ORDER = ("optimizer", "lr", "momentum", "batch size", "activation", "init")


def _text(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# ---- a racer in its training process ----------------------------------------------------------------
class RaceTrainer(Trainer):
    """A Trainer that also sends its weights' path: PathPoints events among its steps (the
    training process passes events it does not know on to the window as they are)."""

    def run(self, turn=None):
        path = self._race_path()
        for event in super().run(turn):
            yield event
            if isinstance(event, StepEvent) and event.step % path.every == 0:
                path.add(self.step)
                if time.perf_counter() - path.sent_t >= PATH_SEND_S:
                    yield path.take()
        if path.pending():
            yield path.take()

    def _race_path(self) -> "_RacePath":
        if getattr(self, "_path", None) is None:
            self._path = _RacePath(loss_surface.trainable(self.model),
                                   self.n_batches * self.epochs)
            self._path.add(self.step)
        return self._path


class _RacePath:
    def __init__(self, params: dict, total_steps: int):
        self.params, self.layout = params, Layout.of(params)
        points = int(min(PATH_POINTS, max(8, PATH_BYTES // max(4 * self.layout.size, 1))))
        self.every = max(1, -(-int(total_steps) // points))
        self.steps, self.rows = [], []
        self.sent_t = 0.0

    def add(self, step: int) -> None:
        self.steps.append(step)
        self.rows.append(self.layout.flatten(self.params))

    def pending(self) -> bool:
        return bool(self.steps)

    def take(self) -> PathPoints:
        points = PathPoints(np.array(self.steps, np.int64), np.stack(self.rows))
        self.steps, self.rows, self.sent_t = [], [], time.perf_counter()
        return points


# ---- the shared plane ------------------------------------------------------------------------------
@dataclass(frozen=True)
class RacePlane:
    """Two principal directions of all the racers' weights, through the first racer's start
    (0, 0); ``paths[i]`` is racer i's path on it, (m_i, 2)."""
    v1: np.ndarray
    v2: np.ndarray
    origin: np.ndarray
    shares: tuple
    paths: list

    def extent(self) -> tuple[np.ndarray, np.ndarray]:
        """(centre, half-widths) of a box that holds every path with a margin."""
        points = np.vstack(self.paths)
        lo, hi = points.min(axis=0), points.max(axis=0)
        least = max(1e-3, 0.02 * float(np.linalg.norm(self.origin)))
        return (lo + hi) / 2, np.maximum((hi - lo) / 2 * (1 + 2 * MARGIN), least)


def race_plane(paths: list[np.ndarray]) -> RacePlane:
    """The PCA plane of every racer's path (rows of flat weights). ValueError when the paths
    do not yet move in two directions."""
    paths = [np.asarray(p, np.float32) for p in paths if len(p)]
    if not paths:
        raise ValueError("no racer has moved yet")
    v1, v2, shares = principal_directions(np.vstack(paths))
    origin = paths[0][0].copy()
    ends = np.vstack([p[-1] for p in paths]).mean(axis=0) - origin
    # a component's sign is arbitrary: point both towards where the racers went
    v1, v2 = (v if float(v @ ends) >= 0 else -v for v in (v1, v2))
    basis = np.stack([v1, v2], axis=1)
    projected = [((p - origin) @ basis).astype(np.float32) for p in paths]
    return RacePlane(v1, v2, origin, shares, projected)


def surface_examples(dataset) -> tuple[np.ndarray, np.ndarray]:
    """Copies of the training examples a plane's surface is computed on (the first
    MAX_EXAMPLES): plain arrays, cheap to hand to a worker process."""
    n = loss_surface.MAX_EXAMPLES
    return np.array(dataset.x_train[:n]), np.array(dataset.y_train[:n])


def plane_surface(plane: RacePlane, network: dict, seed: int, x: np.ndarray, y: np.ndarray,
                  res: int = 31) -> loss_surface.SurfaceGrid:
    """The loss of ``network`` (compiled with ``seed``; eval mode) over the plane's box, on
    examples ``x`` with targets ``y`` (as the dataset holds them: surface_examples). Its
    weights must be laid out as the paths'."""
    net = Network.from_dict(network)
    model = compile_network(net, seed=seed)
    loss_fn = losses.get_loss(net.training["loss"])
    params = loss_surface.trainable(model)
    layout = Layout.of(params)
    if layout.size != plane.origin.size:
        raise ValueError("race: the network's weights do not match the paths")
    split = layout.split
    for key, value in split(plane.origin).items():
        params[key][...] = value
    directions = loss_surface.directions_from_vectors(split(plane.v1), split(plane.v2),
                                                      split(plane.origin))
    centre, half = plane.extent()
    return loss_surface.surface(model, x, loss_surface.loss_targets(loss_fn, y), loss_fn,
                                directions,
                                span=tuple(float(h) for h in half), res=res,
                                offset=tuple(float(c) for c in centre))


@dataclass(frozen=True)
class PlaneResult:
    plane: RacePlane
    grid: loss_surface.SurfaceGrid
    pid: int                   # the process that computed it


def spread_rows(path: np.ndarray, most: int = PLANE_ROWS) -> np.ndarray:
    """At most ``most`` rows of a path, evenly spread, its first and last kept."""
    if len(path) <= most:
        return path
    return path[np.unique(np.linspace(0, len(path) - 1, most).round().astype(int))]


def compute_plane(paths: list[np.ndarray], network: dict, seed: int, x: np.ndarray,
                  y: np.ndarray) -> PlaneResult:
    """The plane of ``paths`` and the loss of ``network`` over it (for a worker process: it
    costs a PCA and a few hundred forwards). ValueError as race_plane."""
    plane = race_plane(paths)
    return PlaneResult(plane, plane_surface(plane, network, seed, x, y), os.getpid())
