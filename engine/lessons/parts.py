"""The parts of a lesson step (texts, actions, edits, checks, records) and their vocabularies:
the tabs and view keys a step may show, the metrics a check may measure, the comparisons."""
from __future__ import annotations

import math
from dataclasses import dataclass

from engine.graph.training_checks import TRAINING_KEYS
from engine.lessons.fields import Fields, describe
from engine.nn.layers import LAYERS
from engine.optim.optimizers import OPTIMIZERS

TABS = ("Curves", "Layer", "Data", "Backprop")
# The stems of the dashboard's view modules (gui/training/views); a GUI test checks each
# maps to a real view.
VIEW_KEYS = ("loss", "metric", "lr", "runs", "grad_norms", "weights", "histograms", "filters",
             "feature_maps", "activation_curve", "softmax", "unit_maps", "conv_by_hand",
             "boundary", "curves", "confusion", "loss_surface", "health", "sample_pass")
ACTIONS = ("open_example", "select_node", "show", "open_race")
EDITS = ("set_param", "set_training", "replace_node", "bypass_node", "insert_after")
OPS = ("<", "<=", ">", ">=", "==", "!=")
# From the latest epoch's EpochEvent (train_loss, val_loss, metrics, lr).
EPOCH_METRICS = ("train_loss", "val_loss", "train_accuracy", "val_accuracy", "train_rmse",
                 "val_rmse", "train_r2", "val_r2", "lr")
RUN_METRICS = EPOCH_METRICS + ("grad_norm", "grad_norm_ratio", "step_loss_std")
DOCUMENT_METRICS = ("param", "training", "shape", "param_count")
METRICS = RUN_METRICS + DOCUMENT_METRICS
# metric -> (the fields it needs, the fields it may have)
METRIC_FIELDS = {"grad_norm": (("node",), ()), "grad_norm_ratio": (("nodes",), ()),
                 "param": (("node", "param"), ()), "training": (("field",), ()),
                 "shape": (("node",), ()), "param_count": ((), ("node",))}
CHECK_KEYS = ("metric", "op", "value", "after", "says", "node", "nodes", "param", "field")
RECORD_KEYS = ("as", "metric", "after", "node", "nodes", "param", "field")


@dataclass(frozen=True)
class Text:
    en: str
    ko: str

    def get(self, lang: str = "en") -> str:
        """The text in ``lang`` ("en" | "ko"); English for any other language."""
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Action:
    do: str
    example: str | None = None       # open_example
    node: str | None = None          # select_node
    tab: str | None = None           # show
    view: str | None = None          # show (optional)
    optimizers: tuple[str, ...] = ()     # open_race (optional)


@dataclass(frozen=True, eq=False)
class Edit:
    do: str
    node: str
    param: str | None = None         # set_param
    field: str | None = None         # set_training: a dotted path into training
    value: object = None             # set_param, set_training
    type: str | None = None          # replace_node, insert_after
    params: dict | None = None       # replace_node, insert_after (None: registry defaults)
    new: str | None = None           # insert_after: the new node's id


@dataclass(frozen=True)
class After:
    unit: str                        # "epochs" | "steps"
    count: int

    def text(self) -> str:
        return f"{self.count} {self.unit[:-1] if self.count == 1 else self.unit}"


@dataclass(frozen=True)
class Recorded:
    """``{"recorded": NAME, "times": K}``: K times the value an earlier step recorded."""
    name: str
    times: float = 1.0


@dataclass(frozen=True, eq=False)
class Check:
    metric: str
    op: str
    value: object                    # number, string, list or Recorded
    says: Text
    after: After | None = None
    node: str | None = None
    nodes: tuple[str, ...] = ()
    param: str | None = None
    field: str | None = None


@dataclass(frozen=True)
class Record:
    name: str                        # the file's "as"
    metric: str
    after: After | None = None
    node: str | None = None
    nodes: tuple[str, ...] = ()
    param: str | None = None
    field: str | None = None


def parse_text(f: Fields, key: str) -> Text:
    t = f.child(key)
    t.only(("en", "ko"))
    return Text(en=t.string("en"), ko=t.string("ko"))


def parse_action(f: Fields) -> Action:
    do = f.string("do", ACTIONS)
    allowed = {"open_example": ("example",), "select_node": ("node",),
               "show": ("tab", "view"), "open_race": ("optimizers",)}[do]
    f.only(("do",) + allowed)
    if do == "open_example":
        return Action(do, example=f.string("example"))
    if do == "select_node":
        return Action(do, node=f.string("node"))
    if do == "show":
        return Action(do, tab=f.string("tab", TABS),
                      view=f.string("view", VIEW_KEYS, optional=True))
    names = f.strings("optimizers", optional=True)
    for i, name in enumerate(names):
        if name not in OPTIMIZERS:
            raise f.error(OPTIMIZERS.unknown(name), f"optimizers[{i}]")
    return Action(do, optimizers=names)


def parse_edit(f: Fields) -> Edit:
    do = f.string("do", EDITS)
    allowed = {"set_param": ("param", "value"), "set_training": ("field", "value"),
               "replace_node": ("type", "params"), "bypass_node": (),
               "insert_after": ("new", "type", "params")}[do]
    f.only(("do",) + (() if do == "set_training" else ("node",)) + allowed)
    if do == "set_training":
        field = f.string("field")
        if field.split(".")[0] not in TRAINING_KEYS:
            raise f.error(f"{field!r} is not in the training section (its settings: "
                          f"{', '.join(TRAINING_KEYS)})", "field")
        return Edit(do, node="", field=field, value=f.need("value"))
    node = f.string("node")
    if do == "set_param":
        return Edit(do, node, param=f.string("param"), value=f.need("value"))
    if do == "bypass_node":
        return Edit(do, node)
    layer_type = f.string("type")
    if layer_type not in LAYERS:
        raise f.error(LAYERS.unknown(layer_type), "type")
    params = f.child("params").data if f.has("params") else None
    return Edit(do, node, type=layer_type, params=params,
                new=f.string("new") if do == "insert_after" else None)


def parse_after(f: Fields) -> After:
    f.only(("epochs", "steps"))
    if len(f.data) != 1:
        raise f.error('expected one of {"epochs": N} or {"steps": N}')
    unit = next(iter(f.data))
    return After(unit, f.whole(unit, 1))


def _measure_fields(f: Fields, keys: tuple) -> dict:
    """metric, after, node, nodes, param, field of a check or record, checked together."""
    metric = f.string("metric", METRICS)
    needed, optional = METRIC_FIELDS.get(metric, ((), ()))
    f.only(tuple(k for k in keys if k not in ("node", "nodes", "param", "field"))
           + needed + optional)
    after = parse_after(f.child("after")) if f.has("after") else None
    if metric in RUN_METRICS and after is None:
        raise f.error(f"a run metric ({metric}) needs an 'after', e.g. {{\"epochs\": 5}}",
                      "after")
    if metric in DOCUMENT_METRICS and after is not None:
        raise f.error(f"{metric} is read from the network, not a run: leave 'after' out",
                      "after")
    out = {"metric": metric, "after": after}
    for key in ("node", "param", "field"):
        if key in needed or key in optional:
            out[key] = f.string(key, optional=key in optional)
    if "nodes" in needed:
        out["nodes"] = f.strings("nodes", 2, 2)
    return out


def parse_check(f: Fields) -> Check:
    measure = _measure_fields(f, CHECK_KEYS)
    op = f.string("op", OPS)
    value = _parse_value(f, op)
    return Check(op=op, value=value, says=parse_text(f, "says"), **measure)


def parse_record(f: Fields) -> Record:
    measure = _measure_fields(f, RECORD_KEYS)
    return Record(name=f.string("as"), **measure)


def _parse_value(f: Fields, op: str):
    value = f.need("value")
    if isinstance(value, dict):
        v = f.child("value")
        v.only(("recorded", "times"))
        times = v.data.get("times", 1)
        if not _is_number(times):
            raise v.error(f"expected a number, got {describe(times)}", "times")
        return Recorded(v.string("recorded"), float(times))
    if _is_number(value):
        return value
    if isinstance(value, str) or (isinstance(value, list) and all(
            _is_number(x) or isinstance(x, str) for x in value)):
        if op not in ("==", "!="):
            raise f.error(f"{op} compares numbers; a {type(value).__name__} value is "
                          f"compared with == or !=", "op")
        return value
    raise f.error(f"expected a number, a string, a list or {{\"recorded\": NAME}}, got "
                  f"{describe(value)}", "value")


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
