"""Errors the engine raises for bad input. Each names what is wrong and where."""
from __future__ import annotations


class NetwrightError(Exception):
    """Base of every error a user can cause with bad input."""


class ShapeError(ValueError, NetwrightError):
    """A layer cannot accept the shapes it is given (raised by ``output_shape``)."""


class GraphError(NetwrightError):
    """A problem with one node of a network (or the file, when ``node_id`` is None)."""

    def __init__(self, node_id: str | None, message: str):
        super().__init__(message)
        self.node_id = node_id
        self.message = message

    def __str__(self) -> str:
        return f"node {self.node_id!r}: {self.message}" if self.node_id else self.message


class ExportError(GraphError):
    """A node (or the training section, node_id None) that an export target cannot express."""


class GraphErrors(GraphError):
    """Several problems found at once by validation; ``errors`` lists them all."""

    def __init__(self, errors: list[GraphError]):
        first = errors[0]
        super().__init__(first.node_id, first.message)
        self.errors = list(errors)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class NetworkFileError(NetwrightError):
    """A network file cannot be read: missing, empty, not JSON, wrong format or version."""


class DataError(NetwrightError):
    """A dataset cannot be loaded or does not fit (names the file, row and column)."""


class TrainingError(NetwrightError):
    """The training section is unusable (bad optimizer, loss does not fit the output...)."""


class WeightsFileError(TrainingError, ValueError):
    """A weights or checkpoint file cannot be used: missing, not a regular file, empty,
    truncated, not an .npz of numeric arrays, or holding the wrong content. The message
    names the file and what is wrong. ``Model.load_weights``, ``read_checkpoint`` and
    ``Trainer.load_checkpoint`` / ``from_checkpoint`` raise only this for a bad file."""
