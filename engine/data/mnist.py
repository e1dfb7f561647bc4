"""MNIST and Fashion-MNIST: the 60,000 training images, from a folder or the user cache.

With ``folder`` empty the files live in the user cache (platformdirs) and are downloaded
there once, verified; a folder the user names is only read, never written.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.data import download
from engine.data.dataset import DatasetInfo, register_dataset, samples_param
from engine.data.download import RemoteFile
from engine.data.idx import read_idx
from engine.errors import DataError
from engine.schema import Param


@dataclass(frozen=True)
class Source:
    images: RemoteFile
    labels: RemoteFile
    mirrors: tuple[str, ...]
    class_names: tuple[str, ...]


SOURCES = {
    "mnist": Source(
        RemoteFile("train-images-idx3-ubyte.gz", 9912422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        RemoteFile("train-labels-idx1-ubyte.gz", 28881, "d53e105ee54ea40749a09fcbcd1e9432"),
        ("https://ossci-datasets.s3.amazonaws.com/mnist/",
         "https://storage.googleapis.com/cvdf-datasets/mnist/"),
        tuple(str(d) for d in range(10))),
    "fashion_mnist": Source(
        RemoteFile("train-images-idx3-ubyte.gz", 26421880, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        RemoteFile("train-labels-idx1-ubyte.gz", 29515, "25c81989df183df01b3e8a0aad5dffbe"),
        ("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
         "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
        ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
         "Bag", "Ankle boot")),
}
IMAGE_SIDE = 28


def cache_root() -> Path:
    import platformdirs
    return Path(platformdirs.user_cache_dir("netwright"))


def data_folder(name: str, params: dict) -> Path:
    return Path(params["folder"]).expanduser() if params["folder"] else cache_root() / name


def _params() -> list[Param]:
    return [samples_param(10_000, maximum=60_000),
            Param("folder", "folder", "", "Folder holding train-images-idx3-ubyte(.gz) and "
                  "train-labels-idx1-ubyte(.gz) (a relative path starts from the network "
                  "file's folder); empty = Netwright's cache folder."),
            Param("download", "bool", True, "Download the files into the cache folder "
                  "(once) when they are missing there.")]


def find_file(folder: Path, remote: RemoteFile, check_size: bool) -> Path | None:
    """The file in ``folder``, gzipped or not. In the cache the size of the .gz is checked,
    so a file cut off by some other program is downloaded again rather than trusted."""
    gz, plain = folder / remote.name, folder / remote.name.removesuffix(".gz")
    if gz.is_file() and (not check_size or gz.stat().st_size == remote.size):
        return gz
    return plain if plain.is_file() else None


def _missing_files_error(name: str, folder: Path, why: str) -> DataError:
    src = SOURCES[name]
    return DataError(
        f"dataset {name!r}: {why}. Put {src.images.name} and {src.labels.name} (gzipped or "
        f"not) into the folder {folder} (they are published at {src.mirrors[0]}), or set "
        f"the dataset's 'folder' parameter to where they are.")


def missing_download(name: str, params: dict) -> int:
    """Bytes still to download before ``name`` loads (0: its files are there, or it is read
    from a folder the user named, or downloads are off). Never touches the network."""
    params = {"folder": "", "download": True, **params}
    if params["folder"] or not params["download"]:
        return 0
    src, folder = SOURCES[name], data_folder(name, params)
    return sum(f.size for f in (src.images, src.labels)
               if find_file(folder, f, check_size=True) is None)


def locate_files(name: str, params: dict,
                 progress: download.Progress | None = None) -> tuple[Path, Path]:
    """The images and labels files, downloaded first into the cache if need be
    (``progress(done, total)`` over both files; False from it cancels)."""
    src, folder = SOURCES[name], data_folder(name, params)
    in_cache = not params["folder"]
    found = [find_file(folder, f, check_size=in_cache) for f in (src.images, src.labels)]
    if all(found):
        return found[0], found[1]
    if not in_cache or not params["download"]:
        raise _missing_files_error(name, folder, "the files are missing")
    total = missing_download(name, params)
    done_before = 0

    def fetch(remote: RemoteFile) -> Path:
        nonlocal done_before
        report = None if progress is None else (
            lambda done, _size: progress(done_before + done, total))
        path = download.download_verified(remote, src.mirrors, folder, report)
        done_before += remote.size
        return path
    try:
        images, labels = (path or fetch(remote)
                          for remote, path in zip((src.images, src.labels), found))
    except download.DownloadCancelled:
        raise
    except (DataError, OSError) as e:    # OSError: the cache folder cannot be created
        raise _missing_files_error(name, folder, f"download failed: {e}") from None
    return images, labels


@functools.lru_cache(maxsize=4)
def _read_cached(path: str, mtime_ns: int, size: int) -> np.ndarray:
    return read_idx(path)     # decompressing 60,000 images takes a while: keep the result


def _read(path: Path) -> np.ndarray:
    st = path.stat()
    return _read_cached(str(path), st.st_mtime_ns, st.st_size)


def load_images_and_labels(name: str, params: dict) -> tuple[np.ndarray, np.ndarray]:
    images_path, labels_path = locate_files(name, params)
    images, labels = _read(images_path), _read(labels_path)
    if images.ndim != 3 or images.shape[1:] != (IMAGE_SIDE, IMAGE_SIDE):
        raise DataError(f"dataset {name!r}: {images_path} holds images of shape "
                        f"{list(images.shape[1:])}, expected [28, 28]")
    if labels.shape != (len(images),):
        raise DataError(f"dataset {name!r}: {labels_path} holds {labels.shape} labels for "
                        f"{len(images)} images")
    if labels.size and labels.max() >= 10:
        raise DataError(f"dataset {name!r}: {labels_path} has a label {labels.max()} (0-9)")
    return images, labels


def _register(name: str, help_text: str) -> None:
    def describe(params: dict) -> DatasetInfo:
        return DatasetInfo(name=name, task="classification",
                           feature_shape=(1, IMAGE_SIDE, IMAGE_SIDE), n_classes=10,
                           class_names=SOURCES[name].class_names)

    def load(params: dict, rng: np.random.Generator):
        images, labels = load_images_and_labels(name, params)
        n = min(params["samples"], len(images))
        chosen = np.sort(rng.choice(len(images), size=n, replace=False))
        return images[chosen, None].astype(np.float32) / 255.0, labels[chosen]

    register_dataset(name, help_text, _params(), "classification", "images", describe)(load)


_register("mnist", "Handwritten digits 0-9 as 28x28 grey images ([1, 28, 28]): a random "
          "subset of the 60,000 training images, downloaded once.")
_register("fashion_mnist", "Clothes in 10 kinds (shirt, sneaker, bag...) as 28x28 grey "
          "images: like MNIST, but harder.")
