"""The browser the browser tests drive: Debian's Chromium (Playwright cannot download its own here), headless.
Used by tests/test_browser.py (JupyterLab) and tests/test_docs.py (the documentation site)."""
import os
from pathlib import Path

CHROMIUM = os.environ.get("SEGNB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def browser_missing() -> str | None:
    "Why a browser test cannot run here, or None."
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (as root: apt-get install -y chromium)"
    return None
