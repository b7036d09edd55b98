"""Every notebook in nbs/ is a test, run the way `nbdev_test` runs it (cells flagged in tst_flags are skipped
unless named in SEGNB_TEST_FLAGS, e.g. SEGNB_TEST_FLAGS=slow)."""
import os
from pathlib import Path

import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

CONFIG = get_config(path=Path(__file__).resolve().parents[1])
NBS = Path(CONFIG.nbs_path)


def in_course_folder(path: Path) -> bool:
    "Assignments (nbs/course/source/...) and nbgrader's copies of them: tests/test_course.py grades those."
    parts = path.relative_to(NBS).parts
    return parts[0] == "course" and len(parts) > 2


NOTEBOOKS = sorted(p for p in NBS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
                   and not p.name.startswith("_") and not in_course_folder(p))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(NBS)))
def test_notebook(notebook):
    passed, _ = run_notebook(notebook, skip_flags=CONFIG.tst_flags.split(),
                             force_flags=os.environ.get("SEGNB_TEST_FLAGS", "").split(), basepath=CONFIG.config_path)
    assert passed, f"{notebook.name} failed: its traceback is in the captured stderr above"
