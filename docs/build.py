"""Build segnb's documentation site from the notebooks, offline, with the outputs stored in them.

    python docs/build.py            # writes the site to _site/ (settings.ini's doc_path); open _site/index.html

Two steps. First, nbdev's processors prepare each notebook (hidden cells out, an API entry after each exported
definition) and this script turns what nbdev leaves to Quarto into what Sphinx reads: the API entry becomes an
autodoc directive, a backticked name of the library a cross-reference. Second, Sphinx with MyST-NB renders the
prepared notebooks (docs/conf.py). Nothing is executed: a page shows the outputs the notebook was saved with.
Sphinx runs with -W -n: a warning, or a reference to a name that has no entry, fails the build.
"""
from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import re
import shutil
import sys
import time
from pathlib import Path

from execnb.nbio import mk_cell, read_nb, write_nb
from nbdev.config import get_config
from nbdev.process import NBProcessor
from nbdev.processors import (add_show_docs, ai_magics, clean_magics, filter_stream_, hide_, hide_line,
                              populate_language, rm_header_dash, strip_ansi, strip_hidden_metadata)

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
CONFIG = get_config(path=REPO)
NBS = Path(CONFIG.nbs_path)
LIB = CONFIG.lib_name
SOURCE = REPO / "build" / "docs_source"  # the prepared pages (build/ is git-ignored)
# The instructor versions hold the solutions and the hidden tests: the site describes the assignments instead.
COURSE_PAGES = ["course/for_teachers.ipynb"]
NEVER_PUBLISHED = ("course/source", "course/wrong_answers", "course/release", "course/submitted",
                   "course/autograded", "course/feedback")
SOLUTION_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
GENERATED = {"course/assignments"}  # pages written by this script: no notebook to link to as their source


def pages() -> dict[str, list[Path]]:
    """The notebooks on the site, by sidebar section, in reading order: lessons by their numbers, tutorials in the
    order the home page lists them (the others after them)."""
    def listed(folder: Path) -> list[Path]:
        return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("_"))
    home = (NBS / CONFIG.readme_nb).read_text(encoding="utf-8")
    def mentioned(path: Path) -> tuple:
        position = home.find(f"`{path.stem}`")
        return (position < 0, position, path.name)
    return {"Tutorials": sorted(listed(NBS / "tutorials"), key=mentioned),
            "Lessons": [p for p in listed(NBS) if p.name != CONFIG.readme_nb],
            "Course": [NBS / page for page in COURSE_PAGES]}


# ---------------------------------------------------------------------------------------------------------------
# The API: which objects have an entry, and how a name written in backticks finds its entry

def module_name(default_exp: str | None) -> str | None:
    "The module a notebook exports to: '__init__' is the package, 'data.__init__' is segnb.data."
    if not default_exp:
        return None
    return ".".join([LIB, *default_exp.split(".")]).removesuffix(".__init__")


def notebook_module(nb) -> str | None:
    "The module named by the notebook's `#| default_exp`."
    for cell in nb.cells:
        if cell.cell_type == "code":
            match = re.search(r"^\s*#\|\s*default_exp\s+(\S+)", cell.source, flags=re.MULTILINE)
            if match:
                return module_name(match.group(1))
    return None


def resolve(module: str, dotted: str):
    "The object `dotted` names in `module` (e.g. 'Unet', 'Learner.fit'), or None."
    try:
        obj = importlib.import_module(module)
        for part in dotted.split("."):
            obj = getattr(obj, part)
        return obj
    except (ImportError, AttributeError):
        return None


def documented_members(cls) -> list[str]:
    "The public methods and properties a class defines itself and explains in a docstring."
    members = []
    for name, value in vars(cls).items():
        function = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
        if not name.startswith("_") and (inspect.isfunction(function) or isinstance(value, property)) \
                and function.__doc__:  # its own docstring, not one inherited from torch
            members.append(name)
    return members


def autodoc_block(full_name: str, obj, index: bool = True) -> tuple[str, list[str]]:
    "The autodoc directive of one API entry (a class with its documented methods), and the names it indexes."
    names = [full_name]
    if inspect.isclass(obj):
        options = []
        members = documented_members(obj)
        if members:
            options.append(":members: " + ", ".join(members))
            names += [f"{full_name}.{member}" for member in members]
        kind = "autoclass"
    elif callable(obj):
        kind, options = ("automethod" if "." in obj.__qualname__ else "autofunction"), []
    else:
        kind, options = "autodata", [":annotation:"]
    if not index:
        options.append(":no-index:")
    # autodoc writes reStructuredText: docs/conf.py's `api` directive reads its content as such
    return "\n".join(["```{api}", f".. {kind}:: {full_name}", *[f"   {o}" for o in options], "```"]), \
        (names if index else [])


class ApiIndex:
    "Every API entry on the site (full name -> page), every module (-> its lesson), and nbdev's short names."

    def __init__(self):
        self.entries: dict[str, str] = {}
        self.modules: dict[str, str] = {}
        modidx = importlib.import_module(f"{LIB}._modidx").d["syms"]
        self.short: dict[str, str] = {}
        for module, symbols in modidx.items():
            for full in symbols:
                self.short.setdefault(full[len(module) + 1:], full)

    def target(self, name: str, module: str | None = None) -> str | None:
        "The full name of the entry `name` refers to (written in `module`), or None if it has none."
        for candidate in ([f"{module}.{name}"] if module else []) + [name, self.short.get(name, "")]:
            if candidate in self.entries:
                return candidate
        if name.startswith(f"{LIB}."):  # a name the package re-exports, e.g. segnb.Unet
            package, _, rest = name.rpartition(".")
            obj = resolve(package, rest) if package in self.modules or package == LIB else None
            defined = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
            if defined in self.entries:
                return defined
        return None


# ---------------------------------------------------------------------------------------------------------------
# Notebook processors, in the order they run (after nbdev's own)

class show_doc_to_autodoc:
    "Turn each `show_doc(name)` cell (nbdev adds one after every exported definition) into an autodoc entry."

    def __init__(self, api: ApiIndex, page: str, module: str | None):
        self.api, self.page, self.module = api, page, module

    def __call__(self, cell):
        if cell.cell_type != "code" or not cell.source.lstrip().startswith("show_doc("):
            return
        call = ast.parse(cell.source).body[0].value
        dotted = ast.unparse(call.args[0])
        if dotted.startswith("__"):  # a module's own __getattr__ (lazy imports) is machinery, not API
            del cell["source"]
            return
        obj = resolve(self.module or LIB, dotted)
        if obj is None:
            raise ValueError(f"show_doc({dotted}) in {self.page}: {self.module or LIB} has no {dotted}; "
                             "export it, or name it as the module does.")
        full_name = f"{self.module or LIB}.{dotted}"
        # an object gets its one indexed entry on the page of the module that defines it
        home = getattr(obj, "__module__", None) == (self.module or LIB) and full_name not in self.api.entries
        block, names = autodoc_block(full_name, obj, index=home)
        for name in names:
            self.api.entries[name] = self.page
        cell.cell_type, cell.source = "markdown", block
        for key in ("outputs", "execution_count"):
            cell.pop(key, None)


def fold_exported_code(cell):
    "Exported code stays on the page, folded: the lesson's code one click away, its API entry right below."
    if cell.cell_type == "code" and {"export", "exporti"} & set(cell.directives_):  # `exports`: shown open
        cell.metadata.setdefault("tags", []).append("hide-input")


def drop_empty(cell):
    "Cells with nothing to show go: nothing left, or only directives (nbdev leaves those in a cell of their own)."
    code = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#|")]
    if cell.cell_type == "code" and not code and not cell.get("outputs"):
        del cell["source"]


_BACKTICKED = re.compile(r"(?<![\[`])`(\w[\w./]*?)(\(\))?`(?![`\]])")
_FENCE = re.compile(r"^\s*(```|~~~)")


def linker(api: ApiIndex, page: str, targets: dict[str, str], module: str | None = None):
    """Backticked names in markdown become links: an object of the library to its API entry, a module to its lesson,
    a notebook (`11_decoders.unet`, `nbs/tutorials/quickstart.ipynb`) to its page, an assignment to its description."""
    depth = page.count("/")

    def link(match: re.Match) -> str:
        name, call = match.group(1), match.group(2) or ""
        if name in targets:
            target = targets[name]
            return f"[`{name}`]({target if target.startswith('#') else '../' * depth + target})"
        if name in api.modules:
            return f"{{py:mod}}`{name}`"
        target = api.target(name, module)
        if target:
            return f"{{py:obj}}`{name}{call} <{target}>`"
        return match.group(0)

    def process(cell):
        if cell.cell_type != "markdown":
            return
        lines, fenced = cell.source.splitlines(), False
        for i, line in enumerate(lines):
            if _FENCE.match(line):
                fenced = not fenced
            elif not fenced and not line.startswith("    ") and not line.lstrip().startswith("#"):
                lines[i] = _BACKTICKED.sub(link, line)
        cell.source = "\n".join(lines)
    return process


def module_target(module: str, summary: str) -> str:
    "A py:module directive: `segnb.decoders.unet` in backticks links here, and the module index lists the page."
    synopsis = re.sub(r"[`*]", "", summary).strip()
    return "\n".join([f"```{{py:module}} {module}", f":synopsis: {synopsis}" if synopsis else "", "```"])


# ---------------------------------------------------------------------------------------------------------------

def prepare_notebook(path: Path, api: ApiIndex):
    "Run the processors over one notebook; return it, ready for MyST-NB but for the links (they need every page)."
    page = path.relative_to(NBS).with_suffix("").as_posix()
    nb = read_nb(path)
    module = notebook_module(nb)
    if module:
        api.modules[module] = page
    procs = [populate_language, add_show_docs, strip_ansi, hide_line, filter_stream_, rm_header_dash,
             show_doc_to_autodoc(api, page, module), fold_exported_code, ai_magics, clean_magics, hide_,
             drop_empty, strip_hidden_metadata]
    NBProcessor(nb=nb, procs=procs, process=True)
    if module and nb.cells and nb.cells[0].cell_type == "markdown":
        summary = re.search(r"^>\s*(.+)$", nb.cells[0].source, flags=re.MULTILINE)
        nb.cells.insert(1, mk_cell(module_target(module, summary.group(1) if summary else ""), "markdown"))
    nb.metadata["language_info"] = {"name": "python"}
    nb.module_ = module
    return nb


def assignment_description(notebook: Path) -> str:
    "An assignment as the site describes it: its title, its introduction and its sections; never a code cell."
    cells = [c for c in json.loads(notebook.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]
    texts = ["".join(c["source"]) for c in cells]
    intro = texts[0].splitlines()
    title = intro[0].lstrip("# ").strip()
    body = "\n".join(line if not line.startswith("#") else "#" + line for line in intro[1:]).strip()
    sections = [line.lstrip("# ").strip() for text in texts[1:] for line in text.splitlines()
                if re.match(r"^#{2,3} ", line)]
    folder = f"`{NBS.name}/course/source/{notebook.parent.name}/`"
    text = "\n\n".join([f"(assignment-{notebook.parent.name})=\n## {title}", f"Instructor version in {folder}.",
                        body, "**Sections:** " + " · ".join(sections)])
    leaked = [marker for marker in SOLUTION_MARKERS if marker in text]
    if leaked:
        raise ValueError(f"{notebook.name}: its markdown mentions {leaked}; the site never shows solutions")
    return text


def assignment_folders() -> list[Path]:
    "One folder an assignment, with the instructor's notebook of the same name."
    return sorted(p for p in (NBS / "course" / "source").iterdir() if p.is_dir() and not p.name.startswith("."))


def assignments_page() -> str:
    "The Assignments page of the course section, in markdown."
    folders = assignment_folders()
    head = ("# Assignments\n\n> The graded assignments of the segnb course, one notebook each, and what each one "
            "teaches. How to hand them out and grade them: [For teachers](for_teachers.ipynb).\n\n"
            "Students get the version that nbgrader generates from the instructor's notebook, with a stub in place "
            "of each solution; the site shows neither, only what the assignments are about.")
    return "\n\n".join([head] + [assignment_description(folder / f"{folder.name}.ipynb") for folder in folders]) + "\n"


def toctrees(sections: dict[str, list[str]]) -> str:
    "The sidebar: one hidden toctree a section, added to the home page."
    blocks = []
    for caption, entries in sections.items():
        blocks.append("\n".join(["```{toctree}", ":hidden:", f":caption: {caption}", "", *entries, "```"]))
    return "\n\n".join(blocks)


def prepare(source: Path = SOURCE) -> int:
    "Write the site's pages to `source`; return how many."
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    sections = pages()
    notebooks = [p for group in sections.values() for p in group] + [NBS / CONFIG.readme_nb]
    for path in notebooks:
        relative = path.relative_to(NBS).as_posix()
        if relative.startswith(NEVER_PUBLISHED):
            raise ValueError(f"{relative} is an instructor notebook: the site must not publish it")
    targets = {p.stem: p.relative_to(NBS).as_posix() for p in notebooks}
    targets.update({f"{NBS.name}/{page}": page for page in list(targets.values())})
    targets.update({folder.name: f"#assignment-{folder.name}" for folder in assignment_folders()})
    api = ApiIndex()
    prepared = {path: prepare_notebook(path, api) for path in notebooks}
    for path, nb in prepared.items():
        page = path.relative_to(NBS).with_suffix("").as_posix()
        link = linker(api, page, targets, nb.module_)
        for cell in nb.cells:
            link(cell)
        if path.name == CONFIG.readme_nb:
            toc = {caption: [p.relative_to(NBS).with_suffix("").as_posix() for p in group]
                   for caption, group in sections.items()}
            toc["Course"].append("course/assignments")
            toc["Reference"] = ["Index of names <genindex>", "Index of modules <modindex>"]
            nb.cells.append(mk_cell(toctrees(toc), "markdown"))
        destination = source / path.relative_to(NBS)
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_nb(nb, destination)
    assignments = mk_cell(assignments_page(), "markdown")
    linker(api, "course/assignments", targets)(assignments)
    (source / "course" / "assignments.md").write_text(assignments.source + "\n", encoding="utf-8")
    # for docs/conf.py: the names a docstring's backticks may link to
    api_file = {"entries": api.entries, "short": api.short, "generated": sorted(GENERATED)}
    (source / "_api.json").write_text(json.dumps(api_file, indent=1), encoding="utf-8")
    return len(notebooks) + 1


def build(out: Path | None = None, source: Path = SOURCE, jobs: int = 2, quiet: bool = True) -> int:
    "Prepare the pages and run Sphinx (-W -n: any warning fails). Returns Sphinx's exit status."
    from sphinx.cmd.build import build_main
    out = Path(out or REPO / CONFIG.doc_path)
    started = time.perf_counter()
    count = prepare(Path(source))
    args = ["-b", "html", "-W", "-n", "--keep-going", "-E", "-j", str(jobs), "-c", str(DOCS), str(source), str(out)]
    status = build_main((["-q"] if quiet else []) + args)
    if status == 0:
        print(f"{count} pages in {out} ({time.perf_counter() - started:.0f} s); open {out / 'index.html'}")
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help=f"where the site goes (default: {CONFIG.doc_path}/)")
    parser.add_argument("--source", type=Path, default=SOURCE,
                        help=f"where the prepared pages go (default: {SOURCE.relative_to(REPO)}/)")
    parser.add_argument("--jobs", type=int, default=2, help="Sphinx processes (default: 2)")
    parser.add_argument("--verbose", action="store_true", help="Sphinx's progress messages too")
    args = parser.parse_args(argv)
    return build(args.out, args.source, args.jobs, quiet=not args.verbose)


if __name__ == "__main__":
    sys.exit(main())
