"""A user's own images: a folder with one subfolder per class of PNG, JPEG or BMP files.

Each image is read with Pillow, made grey (channels 1) or RGB (channels 3), resized to
size x size and scaled to [0, 1] like the other image sets, as [C, H, W]. The classes are the
subfolder names, sorted. Hidden files (.DS_Store, ...) and files directly in the top folder
are ignored; any other file that is not a readable image is REFUSED, named in the error (a
silently skipped file would quietly change the data). A relative path starts from the network
file's folder, as for the csv dataset (engine.data.paths).

The decoded pixels are cached (uint8, in Netwright's user cache folder) under a key of the
folder, size, channels and every file's name, size and modification time, so a second run
starts at once and any change to the files rebuilds it; a cache that cannot be read is rebuilt.
"""
from __future__ import annotations

import functools
import hashlib
import os
import stat
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.data.dataset import DatasetInfo, register_dataset
from engine.errors import DataError
from engine.files import MiB, atomic_write
from engine.schema import Param

NAME = "image_folder"
EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp")
MAX_IMAGES = 100_000
MAX_FILE_BYTES = 64 * MiB
MAX_PIXELS = 50_000_000          # per image: a bigger one is a decompression bomb, not data
MAX_ARRAY_BYTES = 2048 * MiB     # the float32 array the set becomes
CACHE_VERSION = 1
KEEP_CACHES = 8                  # image folders whose pixels stay cached


def _fail(message: str) -> DataError:
    return DataError(f"dataset {NAME!r}: {message}")


@dataclass(frozen=True)
class Listing:
    folder: Path
    class_names: tuple[str, ...]
    files: tuple[tuple[Path, int, int], ...]     # (path, size, mtime_ns), class by class
    labels: np.ndarray

    def key(self, size: int, channels: int) -> str:
        h = hashlib.sha256(f"{CACHE_VERSION}|{self.folder}|{size}|{channels}".encode())
        for path, nbytes, mtime in self.files:
            h.update(f"\n{path.relative_to(self.folder)}|{nbytes}|{mtime}".encode())
        return h.hexdigest()


def resolve_folder(text: str) -> Path:
    if not text:
        raise _fail("no folder chosen: set 'path' to a folder holding one subfolder per class")
    return Path(text).expanduser().resolve()


def list_folder(folder: Path) -> Listing:
    """The classes and image files under ``folder``; DataError naming the path otherwise."""
    subfolders = [e for e in _entries(folder) if e.is_dir() and not e.name.startswith(".")]
    if not subfolders:
        raise _fail(f"{folder} has no subfolders: put each class's images in a subfolder "
                    f"named after the class (try: python main.py shapes-folder DIR)")
    if len(subfolders) < 2:
        raise _fail(f"{folder} has one subfolder ({subfolders[0].name}); a classification "
                    f"needs at least 2 classes, one subfolder each")
    names, files, labels = [], [], []
    for label, sub in enumerate(sorted(subfolders, key=lambda e: e.name)):
        found = _class_files(Path(sub.path))
        names.append(sub.name)
        files += found
        labels += [label] * len(found)
        if len(files) > MAX_IMAGES:
            raise _fail(f"{folder} holds more than {MAX_IMAGES:,} images (the limit)")
    return Listing(folder, tuple(names), tuple(files), np.array(labels, dtype=np.int64))


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except FileNotFoundError:
        raise _fail(f"folder not found: {folder}") from None
    except NotADirectoryError:
        raise _fail(f"{folder} is a file, not a folder of class subfolders") from None
    except OSError as e:
        raise _fail(f"cannot read the folder {folder}: {e.strerror}") from None


def _class_files(sub: Path) -> list[tuple[Path, int, int]]:
    found = []
    for entry in sorted(_entries(sub), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue                                    # .DS_Store and other OS litter
        path = Path(entry.path)
        try:
            st = entry.stat()
        except OSError as e:
            raise _fail(f"cannot read {path}: {e.strerror}") from None
        if stat.S_ISDIR(st.st_mode):
            raise _fail(f"{path} is a folder inside a class folder: images must be directly "
                        f"in {sub}")
        if not stat.S_ISREG(st.st_mode) or path.suffix.lower() not in EXTENSIONS:
            raise _fail(f"{path} is not a PNG, JPEG or BMP image: remove it from the folder "
                        f"(files that are not images are refused, not skipped)")
        if st.st_size > MAX_FILE_BYTES:
            raise _fail(f"{path} is {st.st_size / MiB:.0f} MiB; an image may be at most "
                        f"{MAX_FILE_BYTES // MiB} MiB")
        found.append((path, st.st_size, st.st_mtime_ns))
    if not found:
        raise _fail(f"the class folder {sub} holds no images")
    return found


def _check_size(listing: Listing, size: int, channels: int) -> None:
    nbytes = len(listing.files) * channels * size * size * 4
    if nbytes > MAX_ARRAY_BYTES:
        raise _fail(f"{len(listing.files):,} images of {channels} x {size} x {size} take "
                    f"{nbytes / MiB:,.0f} MiB as float32 (at most {MAX_ARRAY_BYTES // MiB:,}):"
                    f" choose a smaller size")


def _folder_version(folder: Path) -> tuple:
    """What changes when a class folder gains, loses or renames a file: each subfolder's
    name, modification time and number of entries (no stat of every file)."""
    version = []
    for entry in _entries(folder):
        if entry.is_dir() and not entry.name.startswith("."):
            with os.scandir(entry.path) as it:
                count = sum(1 for _ in it)
            version.append((entry.name, entry.stat().st_mtime_ns, count))
    return tuple(sorted(version))


@functools.lru_cache(maxsize=8)
def _cached_listing(folder: Path, version: tuple) -> Listing:
    return list_folder(folder)


def _describe(params: dict) -> DatasetInfo:
    # Runs on every edit in the window: the listing of an unchanged folder is reused.
    folder = resolve_folder(params["path"])
    try:
        version = _folder_version(folder)
    except OSError:
        version = None                     # list_folder says what is wrong with it
    listing = list_folder(folder) if version is None else _cached_listing(folder, version)
    _check_size(listing, params["size"], params["channels"])
    size, channels = params["size"], params["channels"]
    return DatasetInfo(name=NAME, task="classification", feature_shape=(channels, size, size),
                       n_classes=len(listing.class_names), class_names=listing.class_names)


def read_image(path: Path, size: int, channels: int) -> np.ndarray:
    """One file as uint8 [H, W] (grey) or [H, W, 3]; DataError naming the file."""
    from PIL import Image
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise _fail(f"{path} is {image.width} x {image.height} pixels; at most "
                                f"{MAX_PIXELS:,} pixels per image")
                image.draft("L" if channels == 1 else "RGB", (size, size))   # JPEG: fast
                image = image.convert("L" if channels == 1 else "RGB")
                image = image.resize((size, size), Image.Resampling.BILINEAR)
                return np.asarray(image, dtype=np.uint8)
    except DataError:
        raise
    except Exception as e:     # a broken file makes Pillow raise OSError, SyntaxError, ...
        raise _fail(f"{path} cannot be read as an image ({e.__class__.__name__}): replace or "
                    f"remove it") from None


def decode_all(listing: Listing, size: int, channels: int) -> np.ndarray:
    """Every image as uint8 [N, C, H, W]. Pillow decodes outside the GIL, so a few threads
    read several files at once."""
    out = np.empty((len(listing.files), size, size, channels), dtype=np.uint8)

    def read(i: int) -> None:
        image = read_image(listing.files[i][0], size, channels)
        out[i] = image.reshape(size, size, channels)

    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        for _ in pool.map(read, range(len(out))):       # re-raises the first DataError
            pass
    return np.ascontiguousarray(out.transpose(0, 3, 1, 2))


def cache_dir() -> Path:
    from engine.data.mnist import cache_root
    return cache_root() / NAME


def cache_file(listing: Listing, size: int, channels: int) -> Path:
    return cache_dir() / f"{listing.key(size, channels)}.npz"


def _read_cache(path: Path, listing: Listing, size: int, channels: int) -> np.ndarray | None:
    """The cached pixels if the file is whole and fits this listing; None otherwise."""
    try:
        with np.load(path, allow_pickle=False) as f:
            pixels, labels = f["pixels"], f["labels"]
    except Exception:          # missing, truncated, not an npz, ...: never trusted, rebuilt
        return None
    want = (len(listing.files), channels, size, size)
    if pixels.dtype != np.uint8 or pixels.shape != want or not np.array_equal(labels,
                                                                               listing.labels):
        return None
    return pixels


def _write_cache(path: Path, pixels: np.ndarray, labels: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda f: np.savez(f, pixels=pixels, labels=labels))
        _forget_old_caches(path.parent)
    except OSError:
        pass                   # no cache folder (read-only home): the next run decodes again


def _forget_old_caches(folder: Path) -> None:
    """Keep the KEEP_CACHES newest: every edit of a folder makes a new key, and the old
    pixels would otherwise pile up in the user's cache."""
    caches = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in caches[KEEP_CACHES:]:
        old.unlink(missing_ok=True)


def load_pixels(params: dict) -> tuple[np.ndarray, np.ndarray, bool]:
    """(uint8 [N, C, H, W], labels, whether they came from the cache)."""
    size, channels = params["size"], params["channels"]
    listing = list_folder(resolve_folder(params["path"]))
    _check_size(listing, size, channels)
    path = cache_file(listing, size, channels)
    pixels = _read_cache(path, listing, size, channels)
    if pixels is not None:
        return pixels, listing.labels, True
    pixels = decode_all(listing, size, channels)
    _write_cache(path, pixels, listing.labels)
    return pixels, listing.labels, False


def _check_channels(value: int) -> None:
    if value not in (1, 3):
        raise ValueError(f"channels must be 1 (grey) or 3 (colour), got {value}")


@register_dataset(
    NAME, "Your own images: a folder with one subfolder per class (its name is the class) "
    "of PNG, JPEG or BMP files, resized to size x size.",
    [Param("path", "folder", "", "The folder holding one subfolder per class (a relative "
           "path starts from the network file's folder). A file in a class folder that is not a PNG, "
           "JPEG or BMP image is refused with its name (hidden files are ignored)."),
     Param("size", "int", 28, "Width and height the images are resized to, in pixels.",
           min=4, max=128),
     Param("channels", "int", 1, "1: grey images [1, size, size]; 3: colour (RGB) "
           "[3, size, size].", min=1, max=3, check=_check_channels)],
    "classification", "images", _describe)
def load_image_folder(params: dict, rng: np.random.Generator):
    pixels, labels, _ = load_pixels(params)
    return pixels.astype(np.float32) / np.float32(255.0), labels
