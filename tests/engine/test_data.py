"""Datasets: shapes, dtypes, determinism, splits, standardisation, metadata and errors.

The registry-wide tests run every registered dataset: with its defaults made small (fewer
samples), with test files for the datasets that read files (FILES), and with the network
switched off. Adding a dataset needs no edit here (one that cannot load here must say why,
naming itself, and is skipped).
"""
import numpy as np
import pytest

from engine.data import DATASETS, Dataset, dataset_info, download, iterate_batches, load_dataset
from engine.data.dataset import CATEGORIES
from engine.data.idx import write_idx
from engine.errors import DataError

# Settings some tests below rely on (the others load with small_params).
SETTINGS = {
    "spiral": {"samples": 300, "classes": 3}, "gaussian": {"samples": 200, "classes": 4},
    "sine": {"samples": 100, "outliers": 0.1},
    "shapes": {"samples": 120, "size": 16, "classes": 3},
}


def _idx_folder(folder):
    """30 random 28x28 images with labels 0-9, as MNIST's training files."""
    rng = np.random.default_rng(0)
    write_idx(folder / "train-images-idx3-ubyte.gz",
              rng.integers(0, 256, size=(30, 28, 28), dtype=np.uint8))
    write_idx(folder / "train-labels-idx1-ubyte.gz", (np.arange(30) % 10).astype(np.uint8))
    return {"folder": str(folder)}


def _csv_file(folder):
    rows = [f"{0.1 * i:.1f},{i % 7},{'cat' if i % 2 else 'dog'}" for i in range(24)]
    path = folder / "table.csv"
    path.write_text("\n".join(["height,weight,species", *rows]) + "\n")
    return {"path": str(path)}


def _image_folder(folder):
    """60 small shapes as PNGs, a subfolder per class."""
    from engine.data.shapes_folder import write_shapes_folder
    write_shapes_folder(folder / "images", samples=60, size=12, classes=3)
    return {"path": str(folder / "images"), "size": 12}


# Datasets that read the user's files, and how to write a small one.
FILES = {"mnist": _idx_folder, "fashion_mnist": _idx_folder, "csv": _csv_file,
         "image_folder": _image_folder}


def small_params(name: str) -> dict:
    """The dataset's own defaults, but 200 samples (or its least) where it takes a count."""
    spec = DATASETS[name]
    small = {}
    if any(p.name == "samples" for p in spec.params):
        small["samples"] = max(int(spec.param("samples").min or 1), 200)
    return {**small, **SETTINGS.get(name, {})}


def section(name, split=0.25, **params):
    return {"name": name, "params": {**small_params(name), **params},
            "validation_split": split}


@pytest.fixture(scope="module")
def sections(tmp_path_factory):
    """A small section for every registered dataset (files written where it needs them)."""
    out = {}
    for name in DATASETS:
        files = FILES[name](tmp_path_factory.mktemp(name)) if name in FILES else {}
        out[name] = section(name, **files)
    return out


def _offline(url, out):
    raise OSError("the tests do not use the network")


@pytest.fixture(scope="module")
def loaded(sections):
    """Every registered dataset loaded (or the DataError that says why it cannot be)."""
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(download, "fetch_url", _offline)
        for name, sec in sections.items():
            try:
                out[name] = load_dataset(sec, seed=0)
            except DataError as e:
                out[name] = e
    return out


def loaded_or_skip(loaded, name) -> Dataset:
    """The loaded dataset; a dataset that needs files or the network (none in FILES) must
    say so, naming itself, and is skipped."""
    ds = loaded[name]
    if isinstance(ds, DataError):
        assert f"{name!r}" in str(ds), str(ds)
        pytest.skip(f"{name} cannot load here: {ds}")
    return ds


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_registered_dataset_has_help_params_and_category(name):
    spec = DATASETS[name]
    assert spec.name == name
    assert spec.help.endswith(".") and len(spec.help) > 20, spec.name
    assert spec.category in CATEGORIES
    for p in spec.params:
        assert p.help, f"{spec.name}.{p.name} has no help"


@pytest.mark.parametrize("name", list(DATASETS))
def test_arrays_have_the_promised_shapes_and_dtypes(loaded, name):
    ds = loaded_or_skip(loaded, name)
    assert isinstance(ds, Dataset)
    n = len(ds.x_train) + len(ds.x_val)
    assert ds.x_train.dtype == ds.x_val.dtype == np.float32
    assert ds.x_train.shape[1:] == ds.x_val.shape[1:] == ds.feature_shape
    assert len(ds.y_train) == len(ds.x_train) and len(ds.y_val) == len(ds.x_val)
    assert len(ds.x_val) == round(0.25 * n)
    assert np.isfinite(ds.x_train).all() and np.isfinite(ds.x_val).all()
    if ds.task == "classification":
        assert ds.y_train.dtype == np.int64 and ds.y_train.ndim == 1
        assert ds.target_dim is None and len(ds.class_names) == ds.n_classes
        assert set(np.unique(ds.y_train)) == set(range(ds.n_classes))
    else:
        assert ds.y_train.dtype == np.float32 and ds.y_train.shape[1] == ds.target_dim == 1
        assert ds.n_classes is None and ds.class_names == ()
    if ds.is_image:
        assert ds.x_train.min() >= 0 and ds.x_train.max() <= 1 and not ds.standardized


@pytest.mark.parametrize("name", list(DATASETS))
def test_dataset_info_agrees_with_the_loaded_arrays(loaded, sections, name):
    ds = loaded_or_skip(loaded, name)
    info = dataset_info(sections[name])
    for field in ("name", "task", "feature_shape", "n_classes", "target_dim", "class_names",
                  "feature_names", "standardized", "target_standardized", "is_image"):
        assert getattr(info, field) == getattr(ds, field), field


@pytest.mark.parametrize("name", list(DATASETS))
def test_same_seed_same_arrays_other_seed_different(loaded, sections, name):
    first = loaded_or_skip(loaded, name)
    again, other = (load_dataset(sections[name], seed=s) for s in (0, 1))
    np.testing.assert_array_equal(again.x_train, first.x_train)
    np.testing.assert_array_equal(again.y_val, first.y_val)
    assert not np.array_equal(other.x_train, first.x_train)


@pytest.mark.parametrize("name", ["xor", "spiral", "iris", "wine", "breast_cancer", "digits"])
def test_classification_splits_keep_each_class_share(loaded, name):
    ds = loaded[name]
    train = np.bincount(ds.y_train, minlength=ds.n_classes)
    val = np.bincount(ds.y_val, minlength=ds.n_classes)
    # stratified: each class sends round(0.25 * its count) to validation, give or take one
    assert np.all(np.abs(val - 0.25 * (train + val)) <= 1)


@pytest.mark.parametrize("name", ["xor", "moons", "iris", "breast_cancer", "diabetes"])
def test_tabular_features_are_standardised_with_train_statistics_only(loaded, name):
    ds = loaded[name]
    assert ds.standardized
    np.testing.assert_allclose(ds.x_train.mean(axis=0), 0, atol=1e-4)
    np.testing.assert_allclose(ds.x_train.std(axis=0), 1, atol=1e-3)
    # the validation part is scaled with the train numbers, so it is NOT exactly 0 / 1
    assert np.abs(ds.x_val.mean(axis=0)).max() > 1e-3
    raw_val = ds.x_val * ds.feature_std + ds.feature_mean
    raw_train = ds.x_train * ds.feature_std + ds.feature_mean
    np.testing.assert_allclose(ds.feature_mean, raw_train.mean(axis=0), rtol=1e-4, atol=1e-4)
    assert not np.allclose(ds.feature_mean, np.concatenate([raw_train, raw_val]).mean(axis=0))


def test_sine_stays_in_natural_units_and_outliers_move_points_far_off(loaded):
    ds = loaded["sine"]
    assert not ds.standardized and ds.feature_mean is None
    x = np.concatenate([ds.x_train, ds.x_val])[:, 0]
    y = np.concatenate([ds.y_train, ds.y_val])[:, 0]
    assert -3 <= x.min() and x.max() <= 3
    far = np.abs(y - np.sin(x)) > 1.5
    assert far.sum() == 10                       # outliers 0.1 of 100 samples
    clean = load_dataset(section("sine", outliers=0.0), seed=0)
    assert np.abs(clean.y_train[:, 0] - np.sin(clean.x_train[:, 0])).max() < 0.6


def test_diabetes_target_is_standardised_unless_asked_not_to(loaded):
    scaled = loaded["diabetes"]
    assert scaled.target_standardized and abs(float(scaled.y_train.mean())) < 1e-4
    natural = load_dataset(section("diabetes", scale_target=False), seed=0)
    assert not natural.target_standardized and natural.target_mean is None
    assert 25 <= natural.y_train.min() and natural.y_train.max() <= 346
    np.testing.assert_allclose(scaled.y_train * scaled.target_std + scaled.target_mean,
                               natural.y_train, rtol=1e-5)


def test_real_metadata_written_by_hand_matches_scikit_learn():
    import sklearn.datasets as skd
    for name, loader in [("iris", skd.load_iris), ("wine", skd.load_wine),
                         ("breast_cancer", skd.load_breast_cancer),
                         ("diabetes", skd.load_diabetes)]:
        bunch, info = loader(), dataset_info({"name": name})
        assert info.feature_names == tuple(bunch.feature_names), name
        assert info.feature_shape == (bunch.data.shape[1],)
        if info.task == "classification":
            assert info.class_names == tuple(bunch.target_names), name


def test_digits_are_8x8_images_scaled_to_unit_range(loaded):
    ds = loaded["digits"]
    assert ds.feature_shape == (1, 8, 8) and ds.is_image and ds.n_classes == 10
    assert ds.x_train.max() == 1.0 and len(ds.x_train) + len(ds.x_val) == 1797


def test_shapes_are_drawn_in_the_requested_size_and_fast():
    import time
    start = time.perf_counter()
    ds = load_dataset({"name": "shapes", "params": {"samples": 2000, "size": 28}}, seed=3)
    assert time.perf_counter() - start < 1.0
    assert ds.feature_shape == (1, 28, 28) and ds.class_names[:2] == ("circle", "square")
    # shapes differ in how much of the image they fill: a crude check that they are drawn
    clean = load_dataset({"name": "shapes", "params": {"samples": 400, "noise": 0.0,
                                                       "classes": 2}}, seed=3)
    ink = (clean.x_train > 0).mean(axis=(1, 2, 3))
    assert ink.min() > 0.02 and ink.max() < 0.6
    lit = clean.x_train[clean.x_train > 0]
    assert lit.min() >= 0.6 and lit.max() <= 1.0          # a shape is one brightness


def test_spiral_and_gaussian_use_the_classes_param():
    info = dataset_info({"name": "spiral", "params": {"classes": 5}})
    assert info.n_classes == 5 and len(info.class_names) == 5
    assert dataset_info({"name": "spiral"}).n_classes == 2       # the documented default


def test_zero_validation_split_gives_empty_arrays_with_the_right_shape():
    ds = load_dataset(section("xor", split=0.0), seed=0)
    assert ds.x_val.shape == (0, 2) and ds.y_val.shape == (0,) and len(ds.x_train) == 200
    reg = load_dataset(section("sine", split=0), seed=0)
    assert reg.y_val.shape == (0, 1)


@pytest.mark.parametrize("bad, words", [
    ({"name": "spiral", "params": {"samples": 3}}, ["'spiral'", "samples", "at least 10", "3"]),
    ({"name": "xor", "params": {"noise": -1}}, ["'xor'", "noise"]),
    ({"name": "xor", "params": {"nosie": 0.1}}, ["'xor'", "nosie", "noise"]),
    ({"name": "shapes", "params": {"classes": 9}}, ["'shapes'", "classes"]),
    ({"name": "xro"}, ["'xro'", "xor", "moons"]),
    ({"name": "xor", "validation_split": 1.0}, ["validation_split"]),
    ({"name": "xor", "validation_split": -0.1}, ["validation_split"]),
    ({"name": "xor", "params": [1]}, ["params"]),
    ({"name": "xor", "validaton_split": 0.1}, ["validaton_split"]),
    ("xor", ["dataset section"]),
])
def test_bad_sections_raise_data_error_naming_the_field(bad, words):
    for call in (dataset_info, load_dataset):
        with pytest.raises(DataError) as err:
            call(bad)
        assert all(w in str(err.value) for w in words), str(err.value)


def test_a_bad_seed_is_refused_rather_than_made_random():
    for seed in (None, -1, 1.5):
        with pytest.raises(DataError, match="seed"):
            load_dataset({"name": "xor"}, seed=seed)


def test_iterate_batches_covers_every_example_once_in_shuffled_batches():
    x = np.arange(10, dtype=np.float32)[:, None]
    y = np.arange(10)
    batches = list(iterate_batches(x, y, 4, np.random.default_rng(0)))
    assert [len(b[0]) for b in batches] == [4, 4, 2]
    seen = np.concatenate([b[1] for b in batches])
    assert sorted(seen) == list(range(10)) and list(seen) != list(range(10))
    assert all(np.array_equal(xb[:, 0], yb) for xb, yb in batches)   # pairs stay together
    plain = list(iterate_batches(x, y, 4, shuffle=False))
    assert np.array_equal(np.concatenate([b[1] for b in plain]), y)


def test_iterate_batches_refuses_bad_arguments():
    x, y = np.zeros((4, 2), np.float32), np.zeros(4)
    with pytest.raises(ValueError, match="batch_size"):
        list(iterate_batches(x, y, 0, np.random.default_rng(0)))
    with pytest.raises(ValueError, match="examples"):
        list(iterate_batches(x, y[:3], 2, np.random.default_rng(0)))
