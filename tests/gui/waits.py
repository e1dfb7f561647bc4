"""How long a GUI test waits for something that must happen (a batch, a probe, a pause).

The limit only ends a hung test: on a loaded 2-core CI machine the training thread and the
views' first paints share one GIL, and a run's first probe has been seen to take over 10 s
to reach every view. The tests wait on conditions, so a fast machine never waits this long.
"""
PATIENCE_MS = 60_000
