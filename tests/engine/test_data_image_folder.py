"""The image_folder dataset: a folder with a subfolder of images per class, read with Pillow,
cached, and every bad folder or file named in a DataError."""
import os
import time

import numpy as np
import pytest

from engine.data import dataset_info, load_dataset
from engine.data import image_folder
from engine.errors import DataError

Image = pytest.importorskip("PIL.Image")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test its own cache folder: never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(image_folder, "cache_dir", lambda: folder)
    return folder


def write_folder(root, classes=("cat", "dog"), per_class=6, size=(10, 12), fmt="png",
                 mode="L"):
    """Class c's images are all of brightness 40 + 100 c, so the pixels say the label."""
    for c, name in enumerate(classes):
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(per_class):
            colour = 40 + 100 * c if mode == "L" else (40 + 100 * c, 0, 200)
            Image.new(mode, size, colour).save(root / name / f"{i}.{fmt}")
    return root


def section(path, size=8, channels=1, split=0.25):
    return {"name": "image_folder", "params": {"path": str(path), "size": size,
                                               "channels": channels},
            "validation_split": split}


def test_classes_come_from_sorted_folder_names_and_pixels_are_scaled(tmp_path):
    write_folder(tmp_path / "d", classes=("zebra", "ant", "mole"))
    ds = load_dataset(section(tmp_path / "d"), seed=0)
    assert ds.class_names == ("ant", "mole", "zebra") and ds.n_classes == 3
    assert ds.x_train.shape[1:] == (1, 8, 8) and ds.x_train.dtype == np.float32
    x = np.concatenate([ds.x_train, ds.x_val]).reshape(18, -1)
    y = np.concatenate([ds.y_train, ds.y_val])
    # ant was written first as 40, mole 140, zebra 240 (classes in the order given)
    for label, grey in ((0, 140), (1, 240), (2, 40)):
        assert np.allclose(x[y == label], grey / 255, atol=1e-6)


def test_the_split_is_stratified(tmp_path):
    write_folder(tmp_path / "d", per_class=8)
    ds = load_dataset(section(tmp_path / "d", split=0.25), seed=3)
    assert np.bincount(ds.y_val).tolist() == [2, 2]


def test_three_channels_and_jpeg_and_bmp(tmp_path):
    write_folder(tmp_path / "d", fmt="jpg", mode="RGB")
    write_folder(tmp_path / "d", classes=("cat",), fmt="bmp", mode="RGB", per_class=2)
    ds = load_dataset(section(tmp_path / "d", size=5, channels=3), seed=0)
    assert ds.feature_shape == (3, 5, 5) and ds.n_train + ds.n_val == 14
    blue = np.concatenate([ds.x_train, ds.x_val])[:, 2]
    assert np.allclose(blue, 200 / 255, atol=0.05)


def test_info_agrees_with_the_loaded_set(tmp_path):
    write_folder(tmp_path / "d")
    sec = section(tmp_path / "d", size=6)
    info, ds = dataset_info(sec), load_dataset(sec)
    assert (info.feature_shape, info.class_names, info.n_classes) == \
        (ds.feature_shape, ds.class_names, ds.n_classes)


def test_a_relative_path_starts_from_the_current_folder(tmp_path, monkeypatch):
    write_folder(tmp_path / "data" / "pets")
    monkeypatch.chdir(tmp_path)
    assert dataset_info(section("data/pets")).class_names == ("cat", "dog")


@pytest.mark.parametrize("make, words", [
    (lambda root: None, ["folder not found", "missing"]),
    (lambda root: root.mkdir(), ["has no subfolders", "missing"]),
    (lambda root: (root.mkdir(), (root / "only").mkdir()), ["one subfolder"]),
    (lambda root: (write_folder(root), (root / "empty").mkdir()), ["empty", "holds no images"]),
    (lambda root: root.write_text("x"), ["is a file"]),
])
def test_a_bad_folder_is_a_data_error_naming_it(tmp_path, make, words):
    root = tmp_path / "missing"
    make(root)
    with pytest.raises(DataError) as e:
        dataset_info(section(root))
    assert "'image_folder'" in str(e.value)
    assert all(w in str(e.value) for w in words), str(e.value)


def test_no_path_says_what_to_set():
    with pytest.raises(DataError, match="no folder chosen"):
        dataset_info(section(""))


def test_a_file_that_is_not_an_image_is_refused_by_name(tmp_path):
    write_folder(tmp_path / "d")
    (tmp_path / "d" / "cat" / "notes.txt").write_text("hello")
    with pytest.raises(DataError, match=r"cat/notes\.txt is not a PNG, JPEG or BMP.*refused"):
        dataset_info(section(tmp_path / "d"))


def test_a_broken_image_is_refused_by_name_when_loading(tmp_path):
    write_folder(tmp_path / "d")
    (tmp_path / "d" / "dog" / "3.png").write_bytes(b"\x89PNG not really")
    with pytest.raises(DataError, match=r"dog/3\.png cannot be read as an image"):
        load_dataset(section(tmp_path / "d"))


def test_hidden_files_and_files_beside_the_class_folders_are_ignored(tmp_path):
    write_folder(tmp_path / "d")
    (tmp_path / "d" / "cat" / ".DS_Store").write_bytes(b"\0\1")
    (tmp_path / "d" / "README.txt").write_text("my pets")
    assert load_dataset(section(tmp_path / "d")).n_train == 9


def test_channels_must_be_one_or_three(tmp_path):
    write_folder(tmp_path / "d")
    with pytest.raises(DataError, match="channels must be 1 .* or 3"):
        dataset_info(section(tmp_path / "d", channels=2))


def count_image_reads(monkeypatch) -> list:
    reads = []
    original = image_folder.read_image
    monkeypatch.setattr(image_folder, "read_image",
                        lambda *a: reads.append(a[0]) or original(*a))
    return reads


def test_a_second_load_comes_from_the_cache_without_reading_an_image(tmp_path, monkeypatch,
                                                                      private_cache):
    write_folder(tmp_path / "d")
    reads = count_image_reads(monkeypatch)
    first = load_dataset(section(tmp_path / "d"), seed=1)
    assert len(reads) == 12 and len(list(private_cache.glob("*.npz"))) == 1
    second = load_dataset(section(tmp_path / "d"), seed=1)
    assert len(reads) == 12
    assert np.array_equal(first.x_train, second.x_train)
    assert np.array_equal(first.y_val, second.y_val)


def test_a_changed_file_or_size_rebuilds_the_cache(tmp_path, monkeypatch):
    write_folder(tmp_path / "d")
    reads = count_image_reads(monkeypatch)
    load_dataset(section(tmp_path / "d"))
    load_dataset(section(tmp_path / "d", size=6))        # another size: another cache
    assert len(reads) == 24
    changed = tmp_path / "d" / "cat" / "0.png"
    Image.new("L", (10, 12), 255).save(changed)
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 10**9))
    ds = load_dataset(section(tmp_path / "d"))
    assert len(reads) == 36
    assert np.isclose(np.concatenate([ds.x_train, ds.x_val]).max(), 1.0)


@pytest.mark.parametrize("damage", [b"", b"PK\3\4 truncated", None])
def test_a_corrupt_cache_is_never_trusted(tmp_path, monkeypatch, private_cache, damage):
    write_folder(tmp_path / "d")
    good = load_dataset(section(tmp_path / "d"))
    (cache,) = private_cache.glob("*.npz")
    if damage is None:             # a whole npz, but of other pixels
        np.savez(cache, pixels=np.zeros((12, 1, 3, 3), np.uint8), labels=np.zeros(12))
    else:
        cache.write_bytes(damage)
    reads = count_image_reads(monkeypatch)
    again = load_dataset(section(tmp_path / "d"))
    assert len(reads) == 12 and np.array_equal(good.x_train, again.x_train)
    reads.clear()
    load_dataset(section(tmp_path / "d"))                 # rebuilt: trusted again
    assert reads == []


def test_an_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setattr(image_folder, "cache_dir", lambda: blocker / "sub")
    write_folder(tmp_path / "d")
    assert load_dataset(section(tmp_path / "d")).n_train == 9


def test_two_thousand_small_images_load_in_about_a_second(tmp_path):
    root = tmp_path / "many"
    rng = np.random.default_rng(0)
    for c in ("a", "b"):
        (root / c).mkdir(parents=True)
        for i in range(1000):
            Image.fromarray(rng.integers(0, 256, (28, 28), dtype=np.uint8)).save(
                root / c / f"{i}.png")
    start = time.perf_counter()
    ds = load_dataset(section(root, size=28))
    assert ds.n_train + ds.n_val == 2000
    assert time.perf_counter() - start < 4.0        # ~0.5 s alone; the machine is shared


def test_checking_an_unchanged_folder_again_does_not_list_its_files(tmp_path, monkeypatch):
    """dataset_info runs on every edit in the window: a big folder must not be re-read."""
    write_folder(tmp_path / "d")
    calls = []
    original = image_folder.list_folder
    monkeypatch.setattr(image_folder, "list_folder", lambda f: calls.append(f) or original(f))
    dataset_info(section(tmp_path / "d"))
    dataset_info(section(tmp_path / "d", size=6))
    assert len(calls) == 1
    (tmp_path / "d" / "dog" / "extra.txt").write_text("not an image")
    with pytest.raises(DataError, match=r"dog/extra\.txt"):
        dataset_info(section(tmp_path / "d"))
    (tmp_path / "d" / "dog" / "extra.txt").unlink()
    (tmp_path / "d" / "bird").mkdir()
    write_folder(tmp_path / "d", classes=("bird",), per_class=2)
    assert dataset_info(section(tmp_path / "d")).class_names == ("bird", "cat", "dog")


def test_old_caches_are_removed_beyond_the_newest_few(tmp_path, monkeypatch, private_cache):
    monkeypatch.setattr(image_folder, "KEEP_CACHES", 2)
    write_folder(tmp_path / "d")
    for size in (4, 5, 6):
        load_dataset(section(tmp_path / "d", size=size))
    assert len(list(private_cache.glob("*.npz"))) == 2


def test_damaged_images_are_always_a_data_error_naming_the_file(tmp_path):
    """Pillow raises OSError, ValueError or even SyntaxError for damaged files."""
    rng = np.random.default_rng(0)
    good = tmp_path / "good.png"
    Image.fromarray(rng.integers(0, 256, (40, 40), dtype=np.uint8)).save(good)
    data = good.read_bytes()
    bad = tmp_path / "bad.png"
    for i in range(300):
        damaged = bytearray(data[: rng.integers(1, len(data))] if i % 3 == 0 else data)
        for _ in range(rng.integers(0, 20)):
            damaged[rng.integers(0, len(damaged))] = rng.integers(0, 256)
        bad.write_bytes(bytes(damaged))
        try:
            image_folder.read_image(bad, 8, 1)
        except DataError as e:
            assert "bad.png" in str(e)


def test_pillow_raising_syntax_error_for_a_broken_png_is_a_data_error(tmp_path, monkeypatch):
    """Seen with a damaged PNG: Pillow's chunk reader raises SyntaxError('broken PNG file')."""
    write_folder(tmp_path / "d")

    def broken(*args, **kwargs):
        raise SyntaxError("broken PNG file")
    monkeypatch.setattr(Image, "open", broken)
    with pytest.raises(DataError, match=r"cat/0\.png cannot be read as an image"):
        load_dataset(section(tmp_path / "d"))
