"""--to onnx: an ONNX model written with the onnx package (no torch).

Opset 17, IR version 8 (what runtimes since onnxruntime 1.14 read). The graph's input is
"input" with a dynamic batch axis "batch", its output "output"; every layer adds its nodes
in inference form (Dropout is the identity, BatchNorm uses its running statistics), so
onnxruntime gives the engine's forward(x, training=False). The weights are initializers
named by their state_dict keys. onnx is imported only here, when an export runs.
"""
from __future__ import annotations

from pathlib import Path

from engine.errors import ExportError
from engine.export import EXPORTERS
from engine.export.onnx_graph import OnnxGraph, OnnxNode
from engine.files import FolderNotWritable, atomic_write

OPSET = 17
IR_VERSION = 8


@EXPORTERS.register("onnx")
def export_onnx(net, model, out: Path) -> str:
    onnx = _onnx_package()
    proto = onnx_proto(onnx, net, model)
    data = proto.SerializeToString()
    try:
        atomic_write(out, lambda f: f.write(data))
    except FolderNotWritable as e:
        raise ExportError(None, f"cannot write in the folder {str(Path(out).parent)!r}: "
                                f"{e.strerror or e}") from None
    except OSError as e:
        raise ExportError(None, f"cannot write {str(out)!r}: {e.strerror or e}") from None
    return (f"wrote {out} (ONNX opset {OPSET}: input 'input' (N, "
            f"{', '.join(map(str, model.input_shape))}), output 'output' (N, "
            f"{', '.join(map(str, model.output_shape))}), {model.num_parameters():,} "
            f"parameters)")


def _onnx_package():
    try:
        import onnx
    except ImportError:
        raise ExportError(None, "exporting to ONNX needs the onnx package, which is not "
                                "installed: pip install onnx") from None
    return onnx


def onnx_graph(model) -> tuple[OnnxGraph, str]:
    """The network as an OnnxGraph and the name of its last tensor."""
    graph, tensors = OnnxGraph(), {}
    for node in model.nodes:
        inputs = [tensors[i] for i in node.inputs] or ["input"]
        tensors[node.id] = node.layer.onnx_nodes(graph, inputs)
    return graph, tensors[model.output_id]


def onnx_proto(onnx, net, model):
    """The onnx.ModelProto of ``model`` (``onnx`` is the imported package); checked."""
    graph, last = onnx_graph(model)
    return to_proto(onnx, graph, _graph_name(net), {"input": model.input_shape},
                    (last, model.output_shape))


def to_proto(onnx, graph: OnnxGraph, name: str, inputs: dict, output: tuple):
    """A checked ModelProto of ``graph``: ``inputs`` maps each graph input to its shape
    (batch axis excluded), ``output`` is (last tensor, its shape), given out as "output"."""
    helper = onnx.helper
    nodes = [helper.make_node(n.op, n.inputs, [n.output], name=n.output, **n.attrs)
             for n in graph.nodes + [OnnxNode("Identity", [output[0]], "output")]]
    weights = [onnx.numpy_helper.from_array(a, key) for key, a in graph.initializers.items()]
    float32 = onnx.TensorProto.FLOAT
    xs = [helper.make_tensor_value_info(x, float32, ["batch", *shape])
          for x, shape in inputs.items()]
    y = helper.make_tensor_value_info("output", float32, ["batch", *output[1]])
    proto = helper.make_model(
        helper.make_graph(nodes, name, xs, [y], weights),
        opset_imports=[helper.make_opsetid("", OPSET)], producer_name="Netwright",
        ir_version=IR_VERSION)
    onnx.checker.check_model(proto, full_check=True)   # with shape inference
    return proto


def _graph_name(net) -> str:
    return str(net.name or "network")[:200]
