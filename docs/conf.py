"""Sphinx settings for segnb's site. Build it with `python docs/build.py`, which prepares the pages first."""
import json
import re
from pathlib import Path

from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from nbdev.config import get_config
from sphinx.util.docutils import SphinxDirective

REPO = Path(__file__).resolve().parents[1]
CONFIG = get_config(path=REPO)

project = CONFIG.title
author = CONFIG.author
copyright = CONFIG.copyright
release = version = CONFIG.version

extensions = ["myst_nb", "sphinx.ext.autodoc"]
root_doc = "index"
# build.py writes only the pages the site publishes; these patterns keep the instructor versions out even if
# someone points sphinx-build at nbs/ itself
exclude_patterns = ["course/source/**", "course/wrong_answers/**", "course/release/**", "course/submitted/**",
                    "course/autograded/**", "course/feedback/**", "**/.ipynb_checkpoints", "_*"]

# MyST-NB: the outputs saved in the notebooks, never a kernel
nb_execution_mode = "off"
nb_merge_streams = True
nb_code_prompt_show = "Show the exported code"
nb_code_prompt_hide = "Hide the exported code"
myst_enable_extensions = ["dollarmath"]
myst_heading_anchors = 3

# autodoc: the library is imported (as `import segnb` would), its notebooks are not run
autodoc_member_order = "bysource"
autodoc_inherit_docstrings = False  # torch's `forward` docstring is not segnb's
add_module_names = False
autodoc_preserve_defaults = True
autoclass_content = "class"
python_use_unqualified_type_names = True
python_maximum_signature_line_length = 100
toc_object_entries_show_parents = "hide"
# -n checks every reference to segnb; torch's, timm's and Python's own types have no pages here (offline: no
# intersphinx), so only those references may stay unresolved
nitpicky = True
nitpick_ignore_regex = [(r"py:.*", rf"(?!{CONFIG.lib_name}\b).*")]

html_theme = "sphinx_book_theme"
html_title = CONFIG.title
html_static_path = ["_static"]
html_css_files = ["segnb.css"]
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "repository_url": CONFIG.git_url,
    "repository_branch": CONFIG.branch,
    "path_to_docs": Path(CONFIG.nbs_path).relative_to(REPO).as_posix(),
    "use_repository_button": True,
    "use_source_button": True,
    "use_download_button": False,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "navbar_persistent": [],  # the search field is in the sidebar: no second one in a header bar
}

_BACKTICKED = re.compile(r"(?<![`:\w])`([^`\s][^`]*?)`(?![`_\w])")


def _api(app) -> dict:
    "The API entries build.py found: full name -> page, and nbdev's short names."
    path = Path(app.srcdir) / "_api.json"
    return json.loads(path.read_text()) if path.exists() else {"entries": {}, "short": {}}


def link_docstring(app, what, name, obj, options, lines):
    """Docstrings are written for nbdev, in markdown: a backticked name of the library becomes a reference to its
    entry, any other backticked text code (in reStructuredText single backticks would mean italics)."""
    api = app.env.segnb_api if hasattr(app.env, "segnb_api") else _api(app)
    app.env.segnb_api = api
    module = getattr(obj, "__module__", None) or name.rpartition(".")[0]

    def link(match):
        text = match.group(1)
        bare = text.removesuffix("()")
        for candidate in (f"{module}.{bare}", bare, api["short"].get(bare, "")):
            if candidate in api["entries"]:
                return f":py:obj:`{text} <{candidate}>`"
        return f"``{text}``"

    lines[:] = [_BACKTICKED.sub(link, line) for line in lines]


def no_source_button_on_generated_pages(app, pagename, templatename, context, doctree):
    "A page build.py writes (the assignments) has no notebook in the repository to show."
    if pagename in _api(app).get("generated", []):
        context["header_buttons"] = [
            {**button, "buttons": [b for b in button.get("buttons", []) if b.get("label") != "source-file-button"]}
            if button.get("type") == "group" else button
            for button in context.get("header_buttons", [])]


class ApiEntry(SphinxDirective):
    """Its content is reStructuredText (an autodoc directive, from build.py), parsed as such. MyST's eval-rst does
    the same but pads the text with a blank line for every line above it, and MyST-NB numbers a notebook's lines
    10,000 a cell: one entry deep in a lesson cost docutils half a million blank lines."""
    has_content = True

    def run(self):
        document = self.state.document
        parsed = new_document(document["source"], document.settings)
        parsed.reporter = document.reporter
        RSTParser().parse("\n".join(self.content), parsed)
        for node in parsed:
            if node["names"]:
                document.note_explicit_target(node, node)
        return parsed.children


def setup(app):
    app.add_directive("api", ApiEntry)
    app.connect("autodoc-process-docstring", link_docstring)
    app.connect("html-page-context", no_source_button_on_generated_pages, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
