"""Imports in cells of their own. nbdev's documentation processors (nbdev_proc_nbs, nbdev_docs) run every cell that
imports something, to render the API entries; a cell that also runs code would run that code too (a training, a
download), and nbdev warns "Found cells containing imports and other code". The rule is nbdev's own."""
import warnings
from pathlib import Path

import pytest
from nbdev.config import get_config
from nbdev.process import NBProcessor
from nbdev.processors import _do_eval

NBS = Path(get_config(path=Path(__file__).resolve().parents[1]).nbs_path)
NOTEBOOKS = sorted([*NBS.glob("*.ipynb"), *(NBS / "tutorials").glob("*.ipynb"), NBS / "course" / "for_teachers.ipynb"])


def mixed_cells(notebook: Path) -> list[str]:
    "The ids of the cells nbdev warns about."
    found = []

    def check(cell):
        if cell.cell_type == "code":
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                _do_eval(cell)
            if any("imports and other code" in str(w.message) for w in caught):
                found.append(cell.get("id", cell.idx_))
    NBProcessor(notebook, procs=[check], process=True)
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS,
                         ids=lambda p: str(p.relative_to(NBS)))
def test_imports_are_in_cells_of_their_own(notebook):
    found = mixed_cells(notebook)
    assert not found, (f"{notebook.name}: cells {found} mix imports with other code; put the imports in a cell of "
                       "their own above (with the same #| directives)")
