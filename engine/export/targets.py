"""Imports every exporter so that EXPORTERS holds them all (one line per target)."""
from engine.export import EXPORTERS  # noqa: F401
