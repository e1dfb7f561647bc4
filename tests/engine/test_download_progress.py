"""MNIST's download reports progress over both files and can be cancelled, leaving nothing."""
import pytest

from engine.data import download as dl
from engine.data import load_dataset, mnist
from tests.engine.test_data_mnist import fake_source


def chunked_server(origin, chunk=64):
    """A fake fetcher that writes each file in small chunks, as the real one does."""
    def serve(url, out):
        data = (origin / url.rsplit("/", 1)[1]).read_bytes()
        for i in range(0, len(data), chunk):
            out.write(data[i:i + chunk])
    return serve


@pytest.fixture
def fake_mnist(tmp_path, monkeypatch):
    origin, source = fake_source(tmp_path)
    monkeypatch.setattr(mnist, "cache_root", lambda: tmp_path / "cache")
    monkeypatch.setitem(mnist.SOURCES, "mnist", source)
    monkeypatch.setattr(dl, "fetch_url", chunked_server(origin))
    return source, tmp_path / "cache" / "mnist"


PARAMS = {"folder": "", "download": True, "samples": 10}


def test_progress_covers_both_files_and_ends_at_the_total(fake_mnist):
    source, cache = fake_mnist
    total = source.images.size + source.labels.size
    assert mnist.missing_download("mnist", PARAMS) == total
    seen = []
    mnist.locate_files("mnist", PARAMS, lambda done, size: seen.append((done, size)) or True)
    assert len(seen) > 4 and all(size == total for _, size in seen)
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and dones[-1] == total
    assert mnist.missing_download("mnist", PARAMS) == 0        # cached now: nothing to fetch
    assert load_dataset({"name": "mnist", "params": {"samples": 10}}).n_train == 8


def test_cancel_stops_at_once_and_leaves_no_file(fake_mnist):
    source, cache = fake_mnist
    calls = []

    def cancel_midway(done, total):
        calls.append(done)
        return done < 200
    with pytest.raises(dl.DownloadCancelled):
        mnist.locate_files("mnist", PARAMS, cancel_midway)
    assert not list(cache.iterdir())                 # no partial file, no temporary
    assert max(calls) < 300                          # stopped, not tried on the next mirror
    assert mnist.missing_download("mnist", PARAMS) == source.images.size + source.labels.size


def test_offline_names_the_folder_and_the_files(fake_mnist, monkeypatch):
    def offline(url, out):
        raise OSError("Network is unreachable")
    monkeypatch.setattr(dl, "fetch_url", offline)
    with pytest.raises(dl.DataError) as e:
        mnist.locate_files("mnist", PARAMS, lambda *_: True)
    msg = str(e.value)
    assert "unreachable" in msg and str(fake_mnist[1]) in msg
    assert "train-images-idx3-ubyte.gz" in msg and "'folder'" in msg


def test_a_named_folder_or_downloads_off_need_no_download(fake_mnist, tmp_path):
    assert mnist.missing_download("mnist", {**PARAMS, "folder": str(tmp_path)}) == 0
    assert mnist.missing_download("mnist", {**PARAMS, "download": False}) == 0
