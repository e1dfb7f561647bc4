"""The node canvas: CanvasScene (items that follow the document), CanvasView (zoom, pan,
actions), node / port / edge items, layout and clipboard helpers."""
