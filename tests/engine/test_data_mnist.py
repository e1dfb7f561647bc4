"""MNIST-style IDX datasets: tiny files written here; the network is never touched."""
import gzip
import hashlib
import urllib.error

import numpy as np
import pytest

from engine.data import dataset_info, load_dataset, mnist
from engine.data import download as dl
from engine.data.download import RemoteFile
from engine.data.idx import read_idx, write_idx
from engine.errors import DataError

N = 30


def tiny_arrays(seed=0):
    rng = np.random.default_rng(seed)
    return (rng.integers(0, 256, size=(N, 28, 28), dtype=np.uint8),
            (np.arange(N) % 10).astype(np.uint8))


def write_set(folder, gzipped):
    images, labels = tiny_arrays()
    ext = ".gz" if gzipped else ""
    write_idx(folder / f"train-images-idx3-ubyte{ext}", images)
    write_idx(folder / f"train-labels-idx1-ubyte{ext}", labels)
    return images, labels


@pytest.fixture(autouse=True)
def no_network(monkeypatch, tmp_path):
    """Any real download attempt fails the test; the cache lives in tmp_path."""
    def refuse(url, dest):
        raise AssertionError(f"tried the network: {url}")
    monkeypatch.setattr(dl, "fetch_url", refuse)
    monkeypatch.setattr(mnist, "cache_root", lambda: tmp_path / "cache")


@pytest.mark.parametrize("gzipped", [True, False])
def test_reads_idx_files_from_a_folder_gzipped_or_raw(tmp_path, gzipped):
    images, labels = write_set(tmp_path, gzipped)
    ds = load_dataset({"name": "mnist", "params": {"folder": str(tmp_path), "samples": 20},
                       "validation_split": 0.25}, seed=0)
    assert ds.feature_shape == (1, 28, 28) and ds.is_image and ds.n_classes == 10
    assert ds.x_train.shape == (15, 1, 28, 28) and ds.x_val.shape == (5, 1, 28, 28)
    assert ds.x_train.dtype == np.float32 and ds.y_train.dtype == np.int64
    assert 0.0 <= ds.x_train.min() and ds.x_train.max() <= 1.0 and not ds.standardized
    # every example is one of the written images, with its own label
    flat = images.reshape(N, -1).astype(np.float32) / 255
    for x, y in zip(ds.x_train, ds.y_train):
        row = np.flatnonzero(np.all(np.isclose(flat, x.reshape(-1)), axis=1))
        assert len(row) == 1 and labels[row[0]] == y


def test_subset_is_deterministic_for_a_seed(tmp_path):
    write_set(tmp_path, gzipped=True)
    sec = {"name": "fashion_mnist", "params": {"folder": str(tmp_path), "samples": 12}}
    a, b, c = (load_dataset(sec, seed=s) for s in (4, 4, 5))
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert not np.array_equal(a.x_train, c.x_train)
    assert dataset_info(sec).class_names[0] == "T-shirt/top"


def test_idx_round_trip_and_damaged_files(tmp_path):
    arr = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    write_idx(tmp_path / "a.gz", arr)
    np.testing.assert_array_equal(read_idx(tmp_path / "a.gz"), arr)
    raw = gzip.decompress((tmp_path / "a.gz").read_bytes())
    (tmp_path / "cut").write_bytes(raw[:-5])
    with pytest.raises(DataError, match="truncated"):
        read_idx(tmp_path / "cut")
    (tmp_path / "text").write_bytes(b"hello world")
    with pytest.raises(DataError, match="not an IDX file"):
        read_idx(tmp_path / "text")


def test_a_named_folder_without_the_files_says_what_to_put_where(tmp_path):
    folder = tmp_path / "nowhere"
    with pytest.raises(DataError) as err:
        load_dataset({"name": "mnist", "params": {"folder": str(folder)}})
    msg = str(err.value)
    assert str(folder) in msg and "train-images-idx3-ubyte.gz" in msg and "'mnist'" in msg


def test_offline_download_failure_names_the_cache_folder(tmp_path, monkeypatch):
    def offline(url, dest):
        raise urllib.error.URLError("no route to host")
    monkeypatch.setattr(dl, "fetch_url", offline)
    with pytest.raises(DataError) as err:
        load_dataset({"name": "mnist"})
    msg = str(err.value)
    assert str(tmp_path / "cache" / "mnist") in msg and "train-labels-idx1-ubyte.gz" in msg
    assert "no route to host" in msg
    assert not list((tmp_path / "cache" / "mnist").iterdir())    # nothing half-written


def test_download_off_and_files_missing_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="missing"):
        load_dataset({"name": "mnist", "params": {"download": False}})


def fake_source(tmp_path):
    """Known-file table and mirrors pointing at tiny files kept outside the cache."""
    origin = tmp_path / "origin"
    origin.mkdir()
    write_set(origin, gzipped=True)
    files = [RemoteFile(p.name, p.stat().st_size, hashlib.md5(p.read_bytes()).hexdigest())
             for p in (origin / "train-images-idx3-ubyte.gz",
                       origin / "train-labels-idx1-ubyte.gz")]
    return origin, mnist.Source(files[0], files[1], ("fake://mirror1/", "fake://mirror2/"),
                                tuple("0123456789"))


def test_truncated_download_never_becomes_a_valid_cache(tmp_path, monkeypatch):
    origin, source = fake_source(tmp_path)
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    calls = []

    def truncating(url, out):
        calls.append(url)
        out.write((origin / url.rsplit("/", 1)[1]).read_bytes()[:100])
    monkeypatch.setattr(dl, "fetch_url", truncating)
    with pytest.raises(DataError, match="download failed"):
        load_dataset({"name": "mnist"})
    assert calls == ["fake://mirror1/train-images-idx3-ubyte.gz",
                     "fake://mirror2/train-images-idx3-ubyte.gz"]     # tried every mirror
    cache = tmp_path / "cache" / "mnist"
    assert not list(cache.iterdir())        # no final file, no temporary left behind


def test_good_download_is_verified_cached_and_not_repeated(tmp_path, monkeypatch):
    origin, source = fake_source(tmp_path)
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    calls = []

    def serve(url, out):
        calls.append(url)
        out.write((origin / url.rsplit("/", 1)[1]).read_bytes())
    monkeypatch.setattr(dl, "fetch_url", serve)
    first = load_dataset({"name": "mnist", "params": {"samples": 10}}, seed=0)
    again = load_dataset({"name": "mnist", "params": {"samples": 10}}, seed=0)
    assert len(calls) == 2                                    # images + labels, once
    np.testing.assert_array_equal(first.x_train, again.x_train)
    cached = sorted(p.name for p in (tmp_path / "cache" / "mnist").iterdir())
    assert cached == ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"]


def test_a_cut_off_file_in_the_cache_is_downloaded_again(tmp_path, monkeypatch):
    origin, source = fake_source(tmp_path)
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    cache = tmp_path / "cache" / "mnist"
    cache.mkdir(parents=True)
    (cache / "train-images-idx3-ubyte.gz").write_bytes(b"\x1f\x8b partial")
    (cache / "train-labels-idx1-ubyte.gz").write_bytes(
        (origin / "train-labels-idx1-ubyte.gz").read_bytes())
    calls = []

    def serve(url, out):
        calls.append(url)
        out.write((origin / url.rsplit("/", 1)[1]).read_bytes())
    monkeypatch.setattr(dl, "fetch_url", serve)
    ds = load_dataset({"name": "mnist", "params": {"samples": 10}})
    assert calls == ["fake://mirror1/train-images-idx3-ubyte.gz"] and ds.n_train == 8


def test_bad_labels_file_is_reported(tmp_path):
    images, _ = tiny_arrays()
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.zeros(N - 1, np.uint8))
    with pytest.raises(DataError, match="labels"):
        load_dataset({"name": "mnist", "params": {"folder": str(tmp_path)}})
