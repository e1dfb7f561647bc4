"""The one list of layer types.

A layer type is a class decorated with ``@register``. The graph analysis and the compiler
(engine.graph), the GUI palette, inspector and document, and the registry-driven tests all
read ``LAYERS``; importing ``engine.nn.layers`` fills it. Adding a layer type means writing
one decorated class and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from engine.registry import Registry
from engine.schema import Param, ParamSchema


@dataclass(frozen=True)
class LayerSpec(ParamSchema):
    """Everything the rest of the program knows about a layer type without building it."""

    type: str
    category: str
    params: tuple[Param, ...]
    help: str
    cls: type
    min_inputs: int = 1
    max_inputs: int | None = 1          # None: any number (merge layers)
    # (config, input_shapes) cases used by the registry-driven tests (gradcheck, torch parity).
    examples: tuple = field(default=())

    def inputs_text(self) -> str:
        if self.max_inputs == self.min_inputs:
            return f"exactly {self.min_inputs}"
        if self.max_inputs is None:
            return f"{self.min_inputs} or more"
        return f"{self.min_inputs} to {self.max_inputs}"


CATEGORIES = ("Input", "Core", "Activation", "Convolution", "Pooling", "Normalization", "Merge")



class LayerRegistry(Registry):
    def in_order(self) -> list[LayerSpec]:
        """Every layer type, in category order then registration order."""
        order = {c: i for i, c in enumerate(CATEGORIES)}
        return sorted(self.values(), key=lambda s: order[s.category])

    def by_category(self) -> dict[str, list[LayerSpec]]:
        out: dict[str, list[LayerSpec]] = {}
        for spec in self.in_order():
            out.setdefault(spec.category, []).append(spec)
        return out


# Filled by the modules of engine.nn.layers: read it as ``from engine.nn.layers import LAYERS``,
# which imports them all first.
LAYERS = LayerRegistry("layer type")


def register(category: str, help: str, params: list[Param] | tuple = (),
             inputs: int | tuple[int, int | None] = 1, examples: list | tuple = ()):
    """Class decorator: ``@register("Core", "help", params=[...])`` adds the layer type
    named after the class and stores the spec on it as ``cls.spec``."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    lo, hi = (inputs, inputs) if isinstance(inputs, int) else inputs

    def decorate(cls: type) -> type:
        spec = LayerSpec(type=cls.__name__, category=category, params=tuple(params), help=help,
                         cls=cls, min_inputs=lo, max_inputs=hi, examples=tuple(examples))
        cls.spec = LAYERS.add(spec.type, spec)
        return cls

    return decorate
