"""Shared test set-up: Qt runs offscreen, so GUI tests need no display."""
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def graph_indexings(monkeypatch):
    """A list that grows by one network each time a graph is indexed (Graph.of): every
    analysis, and every other look at a graph's structure, starts there."""
    from engine.graph import topology

    calls = []
    build = topology.Graph.of.__func__

    def counted(cls, network):
        calls.append(network)
        return build(cls, network)
    monkeypatch.setattr(topology.Graph, "of", classmethod(counted))
    return calls
