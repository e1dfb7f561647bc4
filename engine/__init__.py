"""Netwright's NumPy engine: layers, model, compiler, data, training. Never imports Qt."""
from engine.graph.compiler import compile_network, infer_shapes
from engine.errors import DataError, GraphError, NetworkFileError, ShapeError
from engine.graph.network import Network
from engine.optim.optimizers import make_optimizer
from engine.optim.schedulers import make_scheduler

__all__ = ["Network", "compile_network", "infer_shapes", "GraphError", "NetworkFileError",
           "DataError", "ShapeError", "make_optimizer", "make_scheduler"]
