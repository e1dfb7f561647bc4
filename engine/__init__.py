"""Netwright's NumPy engine: layers, model, compiler, data, training. Never imports Qt."""
from engine.compiler import compile_network, infer_shapes
from engine.errors import DataError, GraphError, NetworkFileError, ShapeError
from engine.network import Network
from engine.optimizers import make_optimizer
from engine.schedulers import make_scheduler

__all__ = ["Network", "compile_network", "infer_shapes", "GraphError", "NetworkFileError",
           "DataError", "ShapeError", "make_optimizer", "make_scheduler"]
