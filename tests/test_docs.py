"""The documentation site, built as `python docs/build.py` builds it (Sphinx -W -n: a warning fails the build), then
read: every page there, no instructor material, every internal link and anchor resolving, each page's source link
pointing at its notebook; and opened in Chromium (Debian's package, driven by Playwright), served from 127.0.0.1
with every other request refused: the sidebar, an API entry, a folded code cell, the search, the pictures."""
import json
import os
import re
import subprocess
import sys
import threading
import time
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from nbdev.config import get_config

from chromium import CHROMIUM, CHROMIUM_FLAGS, browser_missing
from course import ASSIGNMENTS, instructor_notebook

REPO = Path(__file__).resolve().parents[1]
CONFIG = get_config(path=REPO)
NBS = Path(CONFIG.nbs_path)
BUILD_BUDGET_S = 180  # about 30 s on a quiet 2-core machine; MyST's eval-rst once made it 4 minutes


def docs_tools_missing() -> str | None:
    "Why the site cannot be built here, or None."
    for module in ("sphinx", "myst_nb", "sphinx_book_theme"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install -e '.[docs]')"
    return None


# CI installs the docs tools, so there a missing one is a failure, not a skip.
if docs_tools_missing() and not os.environ.get("CI"):
    pytest.skip(docs_tools_missing(), allow_module_level=True)

# one build for the module: its tests run in the same pytest-xdist worker (--dist loadgroup)
pytestmark = pytest.mark.xdist_group("docs")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    "The built site: (folder with the HTML, folder with the prepared pages, seconds the build took)."
    assert docs_tools_missing() is None, docs_tools_missing()
    root = tmp_path_factory.mktemp("docs")
    out, source = root / "html", root / "source"
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "docs/build.py", "--out", str(out), "--source", str(source)],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, f"the docs build failed:\n{result.stdout[-5000:]}\n{result.stderr[-5000:]}"
    assert "WARNING" not in result.stdout + result.stderr, result.stdout + result.stderr
    return out, source, seconds


def published_notebooks() -> list[Path]:
    "The notebooks the site must show: the lessons, the tutorials, the home page and the For teachers page."
    lessons = [p for p in NBS.glob("*.ipynb") if not p.name.startswith("_")]
    tutorials = [p for p in (NBS / "tutorials").glob("*.ipynb") if not p.name.startswith("_")]
    return sorted(lessons + tutorials + [NBS / "course" / "for_teachers.ipynb"])


def html_page(out: Path, notebook: Path) -> Path:
    return out / notebook.relative_to(NBS).with_suffix(".html")


def test_builds_fast_with_a_page_for_every_notebook(site):
    out, _, seconds = site
    assert seconds < BUILD_BUDGET_S, f"the docs build took {seconds:.0f} s (budget {BUILD_BUDGET_S} s)"
    missing = [str(p.relative_to(NBS)) for p in published_notebooks() if not html_page(out, p).exists()]
    assert not missing, f"no page for {missing}"
    assert (out / "course" / "assignments.html").exists()
    for page in ("genindex.html", "py-modindex.html", "search.html", "searchindex.js"):
        assert (out / page).exists(), page


def test_never_publishes_solutions_or_hidden_tests(site):
    out, source, _ = site
    assert not list(out.glob("course/source/**/*")) and not list(source.glob("course/source/**/*"))
    assert not list(out.glob("course/wrong_answers/**/*"))
    leaks = [str(f.relative_to(out)) for f in out.rglob("*") if f.suffix in (".html", ".js", ".txt", ".ipynb")
             and re.search(r"BEGIN SOLUTION|END SOLUTION|HIDDEN TESTS", f.read_text(errors="ignore"))]
    assert not leaks, f"solution or hidden-test markers in {leaks}"
    # the assignments page describes every assignment, by its title
    text = (out / "course" / "assignments.html").read_text()
    for assignment in ASSIGNMENTS:
        cells = json.loads(instructor_notebook(assignment).read_text())["cells"]
        title = "".join(cells[0]["source"]).splitlines()[0].lstrip("# ").strip()
        assert f'id="assignment-{assignment.replace("_", "-")}"' in text, assignment  # docutils' form of the id
        assert title.split(":")[0] in text, title


class Links(HTMLParser):
    "The ids and the links of one HTML page."

    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_every_internal_link_and_anchor_resolves(site):
    out, _, _ = site
    pages = {}
    for page in out.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text())
        pages[page.resolve()] = parser
    broken = []
    for page, parser in pages.items():
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(out.resolve())}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{page.relative_to(out.resolve())}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:40])


def test_api_entries_and_source_links(site):
    out, source, _ = site
    api = json.loads((source / "_api.json").read_text())
    # every public definition a lesson exports has an entry on that lesson's page
    entries = api["entries"]
    assert "segnb.decoders.unet.Unet" in entries and "segnb.create_model" in entries
    for name, page in entries.items():
        assert f'id="{name}"' in (out / f"{page}.html").read_text(), f"{name}: no entry on {page}.html"
    # each page's "Show source" button opens its notebook in the repository
    for notebook in published_notebooks():
        relative = notebook.relative_to(REPO).as_posix()
        expected = f"{CONFIG.git_url}/blob/{CONFIG.branch}/{relative}?plain=1"
        assert expected in html_page(out, notebook).read_text(), f"{relative}: no source link {expected}"
    assert "/blob/" not in (out / "course" / "assignments.html").read_text(), \
        "the assignments page has no notebook of its own to link to"


@pytest.fixture(scope="module")
def browser():
    if browser_missing():
        if os.environ.get("CI"):
            pytest.fail(browser_missing())
        pytest.skip(browser_missing())
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def served(site):
    "The site served on 127.0.0.1, as a static host serves it (the search fetches pages, which file:// refuses)."
    out, _, _ = site
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def open_offline(browser, url: str):
    "A page with every request off this machine refused (the site must not need the network); its JS errors kept."
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page.js_errors = []
    page.on("pageerror", lambda error: page.js_errors.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def test_site_in_a_browser(served, browser):
    page = open_offline(browser, f"{served}/index.html")
    # the sidebar: the three sections, and every lesson and tutorial in it
    captions = page.locator(".bd-sidebar-primary p.caption").all_inner_texts()
    assert [c.strip() for c in captions][:3] == ["Tutorials", "Lessons", "Course"], captions
    sidebar_links = page.locator(".bd-sidebar-primary nav a.reference.internal").count()
    assert sidebar_links >= len(published_notebooks()), sidebar_links
    # from the home page's lesson table to a lesson, and its API entry
    page.locator("article a[href='11_decoders.unet.html']").first.click()
    page.wait_for_url(re.compile(r"11_decoders\.unet\.html"))
    entry = page.locator("dl.py.class dt[id='segnb.decoders.unet.Unet']")
    assert entry.is_visible() and "encoder_name" in entry.inner_text()
    # exported code is folded: one click shows it
    fold = page.locator("details.hide.above-input").first
    assert not fold.evaluate("element => element.open")
    fold.locator("summary").click()
    assert fold.evaluate("element => element.open") and fold.locator("pre").first.is_visible()
    # the search works from the files: Sphinx's index, no server
    search = open_offline(browser, f"{served}/search.html?q=Unet")
    search.wait_for_selector("#search-results li a", timeout=30_000)
    assert search.locator("#search-results a[href*='11_decoders.unet.html']").count() > 0
    # a tutorial's stored pictures are on the page
    tutorial = open_offline(browser, f"{served}/tutorials/quickstart.html")
    sizes = tutorial.evaluate("() => [...document.querySelectorAll('article img')].map(i => i.naturalWidth)")
    assert sizes and all(width > 0 for width in sizes), sizes
    for opened in (page, search, tutorial):
        assert not opened.js_errors, opened.js_errors
        opened.close()
