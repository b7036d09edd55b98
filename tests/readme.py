"""README.md is nbs/index.ipynb rendered as Markdown; `python tests/readme.py` rewrites it from the notebook.

(nbdev_readme would do this, but it needs Quarto, which cannot be installed offline.)
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDEX, README = ROOT / "nbs" / "index.ipynb", ROOT / "README.md"


def _visible(cell: dict) -> bool:
    source = "".join(cell["source"])
    return bool(source.strip()) and not any(line.strip() in ("#| hide", "#|hide") for line in source.splitlines())


def render_readme(index: Path = INDEX) -> str:
    "The Markdown of the index notebook: Markdown cells as they are, visible code cells as Python blocks."
    blocks = []
    for cell in json.loads(index.read_text(encoding="utf-8"))["cells"]:
        if not _visible(cell):
            continue
        source = "".join(cell["source"]).strip("\n")
        if cell["cell_type"] == "markdown":  # links to notebooks are relative to nbs/, the README sits above it
            source = re.sub(r"\]\((?!https?:|#|/)([^)]+\.ipynb)\)", r"](nbs/\1)", source)
        blocks.append(source if cell["cell_type"] == "markdown" else f"```python\n{source}\n```")
    return "\n\n".join(blocks) + "\n"


if __name__ == "__main__":
    README.write_text(render_readme(), encoding="utf-8")
    print(f"wrote {README.relative_to(ROOT)}", file=sys.stderr)
