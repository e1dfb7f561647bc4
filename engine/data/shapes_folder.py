"""Write the built-in shapes dataset as an image folder (one subfolder per class, a PNG per
image): the layout the image_folder dataset reads, so a learner sees it and has one to try."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.data.dataset import DATASETS
from engine.data.shapes import SHAPE_NAMES, load_shapes
from engine.errors import DataError


def write_shapes_folder(folder: str | Path, samples: int = 300, size: int = 28,
                        classes: int = 4, noise: float = 0.1, seed: int = 0) -> dict[str, int]:
    """Draw ``samples`` shapes and save them under ``folder``/<shape>/<n>.png (8-bit grey).
    Refuses a folder that exists and is not empty (nothing of the user's is overwritten).
    Returns how many images each class got. Raises DataError naming the folder."""
    from PIL import Image
    folder = Path(folder).expanduser()
    _check_empty(folder)
    try:          # the shapes set's own limits (size 8 to 64, ...) with its own messages
        params = DATASETS["shapes"].complete({"samples": samples, "size": size,
                                              "classes": classes, "noise": noise})
    except ValueError as e:
        raise DataError(f"shapes folder: {e}") from None
    images, labels = load_shapes(params, np.random.default_rng(seed))
    pixels = np.round(images[:, 0] * 255).astype(np.uint8)
    counts: dict[str, int] = {}
    try:
        for name in SHAPE_NAMES[:classes]:
            (folder / name).mkdir(parents=True, exist_ok=True)
        for i, (image, label) in enumerate(zip(pixels, labels)):
            name = SHAPE_NAMES[label]
            Image.fromarray(image, mode="L").save(folder / name / f"{name}_{i:04d}.png",
                                                  optimize=True)
            counts[name] = counts.get(name, 0) + 1
    except OSError as e:
        raise DataError(f"cannot write the shapes folder {folder}: {e.strerror or e}") from None
    return counts


def _check_empty(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise DataError(f"{folder} is a file, not a folder: choose a new or empty folder")
    try:
        if folder.is_dir() and any(folder.iterdir()):
            raise DataError(f"{folder} is not empty: choose a new or empty folder (nothing "
                            f"in it is overwritten)")
    except PermissionError:
        raise DataError(f"cannot read the folder {folder}: permission denied") from None
