"""--to onnx: an ONNX model written with the onnx package (no torch).

Work in progress (issue 17)."""
