"""The optimizer race (Training > Race optimizers...): 2-4 variations of the document's training
trained side by side from the same start (engine/training/race.py)."""


def start_race(window):
    """Training > Race optimizers... (gui/race/launch.py). Imported when asked for: the race
    window's plots need pyqtgraph, which the main window does not load at start."""
    from gui.race.launch import start_race as start
    return start(window)
