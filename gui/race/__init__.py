"""The optimizer race (Training > Race optimizers...): 2-4 variations of the document's training
trained side by side from the same start (engine/training/race.py)."""
