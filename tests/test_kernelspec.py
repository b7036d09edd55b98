"""Every notebook names its kernel, so JupyterLab opens it without asking "Select Kernel"."""
import json

from test_notebooks import NBS


def test_every_notebook_names_its_kernel():
    missing = [str(p.relative_to(NBS)) for p in sorted(NBS.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts
               and json.loads(p.read_text(encoding="utf-8"))["metadata"].get("kernelspec", {}).get("name") != "python3"]
    assert not missing, f"these notebooks have no python3 kernelspec (JupyterLab will ask for a kernel): {missing}"
