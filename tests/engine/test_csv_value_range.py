"""Issue 13, item 14: a CSV value beyond float32's range (1e300) made NumPy print
"RuntimeWarning: overflow encountered in cast" (engine/data/csv_table.py, the float32 cast
of the features) and "invalid value encountered in subtract" (standardizing the inf) on
``train``'s stderr, then trained on NaN. It should be refused as a DataError naming the
row and column, with no warning."""
import warnings

import pytest

from engine.data import load_dataset
from engine.errors import DataError


def test_a_value_too_big_for_float32_is_refused_naming_its_cell_without_a_warning(tmp_path):
    f = tmp_path / "big.csv"
    f.write_text("a,b,y\n" + "".join(f"{1e300 * (i % 7 + 1)},{i % 3},{i % 2}\n"
                                     for i in range(40)))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(DataError, match=r"row 2, column 'a'"):
            load_dataset({"name": "csv", "params": {"path": str(f), "target": "y"}}, seed=0)
