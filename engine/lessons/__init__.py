"""Lessons: the 21 concepts as data (resources/lessons/*.json, resources/lessons/README.md),
their checks, the edits a step makes, and a headless runner (``main.py lessons --verify``).
NumPy only: the Lessons dock (gui/lessons) uses the same pieces."""
