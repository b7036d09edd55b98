"""The README is the home page: it must say what nbs/index.ipynb says, and CI must run its test command."""
import re
from pathlib import Path

from readme import README, ROOT, render_readme


def test_readme_matches_index():
    assert README.read_text(encoding="utf-8") == render_readme(), (
        "README.md and nbs/index.ipynb have drifted apart: edit the notebook, then run `python tests/readme.py`.")


def quick_start_commands() -> list[str]:
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block, "README.md has no ```bash block under '## Quick start'"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_second():
    commands = quick_start_commands()
    assert len(commands) == 2, commands
    assert "segnb_train" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
