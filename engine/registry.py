"""One registry type for every named family: layer types, datasets, losses, optimizers,
schedulers and weight initialisers.

A registry is a dict from a name to its spec, filled at import time by ``add`` (or the
``register`` decorator), in the order a picker lists them. Looking up an unknown name raises
a KeyError that names the family and the known names, so every family answers a typo alike.
"""
from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")


class Registry(dict):
    def __init__(self, kind: str, plural: str | None = None):
        """``kind``: what one entry is ("layer type", "loss"); ``plural`` if not kind + "s"."""
        super().__init__()
        self.kind = kind
        self.plural = plural or kind + "s"

    def add(self, name: str, spec: T) -> T:
        if name in self:
            raise ValueError(f"{self.kind} {name!r} registered twice")
        self[name] = spec
        return spec

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator form of ``add`` for entries that are functions or classes."""
        return lambda spec: self.add(name, spec)

    def __missing__(self, name):
        raise KeyError(f"unknown {self.kind} {name!r}; known {self.plural}: {', '.join(self)}")

    def unknown(self, name) -> str:
        """The message a lookup of an unknown ``name`` raises (for ValueError / DataError)."""
        return f"unknown {self.kind} {name!r}; known {self.plural}: {', '.join(self)}"
