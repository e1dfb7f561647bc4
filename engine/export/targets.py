"""Imports every exporter so that EXPORTERS holds them all (one line per target)."""
import engine.export.pytorch  # noqa: F401  (--to pytorch)
import engine.export.onnx_model  # noqa: F401  (--to onnx)
