"""Network files: load / save / from_dict, refusing bad files with messages that say where."""
import json
import os

import pytest

from engine.graph import network_file
from engine.errors import NetworkFileError
from engine.graph.network import FORMAT, VERSION, Network


def xor_dict(**changes) -> dict:
    d = {"format": FORMAT, "version": VERSION, "name": "XOR",
         "nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}},
                   {"id": "h1", "type": "Dense", "params": {"units": 4}, "ui": {"x": 180, "y": 0}},
                   {"id": "a1", "type": "Tanh", "params": {}, "ui": {"x": 360, "y": 0}}],
         "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "a1"}],
         "training": {"dataset": {"name": "xor", "params": {}}, "loss": "bce",
                      "optimizer": {"name": "adam", "lr": 0.03}, "batch_size": 32,
                      "epochs": 10, "seed": 0}}
    d.update(changes)
    return d


def problems_of(excinfo) -> str:
    return str(excinfo.value)


# ---- round trip ---------------------------------------------------------------------------
def test_save_then_load_gives_the_same_document(tmp_path):
    net = Network.from_dict(xor_dict(description="Try removing the Tanh."))
    path = tmp_path / "xor.nw.json"
    net.save(path)
    again = Network.load(path)
    assert again.to_dict() == net.to_dict()
    assert json.loads(path.read_text("utf-8")) == net.to_dict()
    again.save(path)
    assert Network.load(path).to_dict() == net.to_dict()


def test_saved_file_keeps_unicode_and_a_normal_mode(tmp_path):
    net = Network.from_dict(xor_dict(name="Réseau für XOR ✓"))
    path = tmp_path / "u.nw.json"
    net.save(path)
    assert "Réseau für XOR ✓" in path.read_text("utf-8")
    assert path.stat().st_mode & 0o777 == 0o644


def test_from_dict_leaves_its_argument_alone_and_accepts_a_scripted_dict():
    d = xor_dict()
    del d["format"], d["version"]
    before = json.dumps(d, sort_keys=True)
    net = Network.from_dict(d)
    net.nodes[0]["params"]["shape"] = [3]
    assert json.dumps(d, sort_keys=True) == before
    assert net.to_dict()["format"] == FORMAT and net.to_dict()["version"] == VERSION


# ---- atomic save --------------------------------------------------------------------------
def test_a_failed_save_leaves_the_old_file_whole_and_no_temporary_behind(tmp_path, monkeypatch):
    path = tmp_path / "xor.nw.json"
    Network.from_dict(xor_dict()).save(path)
    good = path.read_bytes()

    def disk_full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(NetworkFileError, match="No space left"):
        Network.from_dict(xor_dict(name="changed")).save(path)
    assert path.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xor.nw.json"]


def test_save_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NetworkFileError, match="cannot write in"):
        Network.from_dict(xor_dict()).save(tmp_path / "nope" / "x.nw.json")


# ---- format and version -------------------------------------------------------------------
def test_another_format_is_refused():
    with pytest.raises(NetworkFileError, match="format is 'keras-model'"):
        Network.from_dict(xor_dict(format="keras-model"))


def test_a_newer_version_is_refused_with_advice():
    with pytest.raises(NetworkFileError, match="newer Netwright.*version 7.*update"):
        Network.from_dict(xor_dict(version=7))


def test_a_json_file_without_format_is_not_taken_for_a_network(tmp_path):
    path = tmp_path / "package.json"
    path.write_text('{"name": "left-pad", "version": "1.3.0"}')
    with pytest.raises(NetworkFileError, match="not a Netwright network file"):
        Network.load(path)


def test_older_versions_go_through_the_migration_hook(monkeypatch):
    def v0_to_v1(d):      # a fake v0 that called nodes "layers" and edges "links"
        d["nodes"] = d.pop("layers")
        d["edges"] = [{"from": a, "to": b} for a, b in d.pop("links")]
        return d
    monkeypatch.setitem(network_file.MIGRATIONS, 0, v0_to_v1)
    old = {"format": FORMAT, "version": 0, "name": "old",
           "layers": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                      {"id": "d", "type": "Dense", "params": {"units": 1}}],
           "links": [["in", "d"]]}
    net = Network.from_dict(old)
    assert net.edges == [{"from": "in", "to": "d"}]
    assert net.to_dict()["version"] == VERSION


def test_a_version_without_migration_is_refused():
    with pytest.raises(NetworkFileError, match="version 0 is too old"):
        Network.from_dict(xor_dict(version=0))


@pytest.mark.parametrize("version", ["1", 1.5, True, None])
def test_a_wrongly_typed_version_is_refused(version):
    with pytest.raises(NetworkFileError, match="version must be a whole number"):
        Network.from_dict(xor_dict(version=version))


# ---- wrongly typed parts, each named --------------------------------------------------------
@pytest.mark.parametrize("change, message", [
    ({"nodes": {"in": {}}}, "nodes must be a list"),
    ({"edges": "in->h1"}, "edges must be a list"),
    ({"training": [1]}, "training must be an object"),
    ({"name": 3}, "name must be text"),
    ({"nodez": []}, "unknown field 'nodez'"),
])
def test_wrongly_typed_top_level_parts_are_named(change, message):
    with pytest.raises(NetworkFileError, match=message):
        Network.from_dict(xor_dict(**change))


def test_every_bad_node_and_edge_is_reported_with_where_it_is():
    d = xor_dict()
    d["nodes"] += [{"id": "d2", "params": {}},                    # no type
                   {"type": "Dense"},                             # no id
                   {"id": "d3", "type": "Dense", "params": [4]},  # params not an object
                   {"id": "d4", "type": "Dense", "ui": {"x": "left"}},
                   "Dense"]
    d["edges"] += [{"from": "h1"}, {"from": "a1", "to": "d2", "port": -1}]
    with pytest.raises(NetworkFileError) as e:
        Network.from_dict(d)
    lines = e.value.problems
    assert "nodes[3] ('d2'): 'type' is missing" in lines
    assert "nodes[4]: 'id' is missing" in lines
    assert any(line.startswith("nodes[5] ('d3'): params must be an object") for line in lines)
    assert any(line.startswith("nodes[6] ('d4'): ui.x must be a number") for line in lines)
    assert any(line.startswith("nodes[7] must be an object") for line in lines)
    assert "edges[2]: 'to' is missing" in lines
    assert any("edges[3] ('a1' -> 'd2'): port must be" in line for line in lines)
    assert str(e.value) == "\n".join(lines)


# ---- reading files ------------------------------------------------------------------------
@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"  \n\t", "is empty"),
    (b'{"format": "netwright-network", "nodes": [{"id": "in", ', "ends unexpectedly"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b'{"name": "caf\xe9"}', "not UTF-8"),
    (b'{"format": "netwright-network",, }', "not valid JSON: .* line 1"),
    (b'[1, 2, 3]', "holds a JSON list"),
])
def test_unreadable_files_say_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "bad.nw.json"
    path.write_bytes(content)
    with pytest.raises(NetworkFileError, match=message):
        Network.load(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(NetworkFileError, match="no such file"):
        Network.load(tmp_path / "missing.nw.json")
    with pytest.raises(NetworkFileError, match="is a folder"):
        Network.load(tmp_path)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.nw.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(xor_dict()).encode())
    assert Network.load(path).name == "XOR"


# ---- the edit methods the GUI uses still behave ---------------------------------------------
def test_remove_then_restore_node_gives_back_the_same_document():
    net = Network.from_dict(xor_dict())
    before = net.to_dict()
    index, node, edges = net.remove_node("h1")
    assert net.edges == [] and "h1" not in net.node_ids()
    net.restore_node(index, node, edges)
    assert net.to_dict() == before
