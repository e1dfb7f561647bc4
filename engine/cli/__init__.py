"""The command line: ``check`` and ``train`` (``main.py`` dispatches here)."""
