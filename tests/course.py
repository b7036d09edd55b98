"""Run the course the way a teacher does, in a temporary folder: generate the student version of an assignment
with nbgrader, hand in submissions (the instructor's solution, a blank student version, the plausible wrong
answers in nbs/course/wrong_answers) and autograde them. Used by tests/test_course.py."""
import ast
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1] / "nbs" / "course"
ASSIGNMENTS = sorted(p.name for p in (COURSE / "source").iterdir() if p.is_dir() and not p.name.startswith("."))
MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def graded_cells(notebook) -> dict:
    "grade_id -> points of every autograded test cell."
    return {nbgrader_meta(c)["grade_id"]: nbgrader_meta(c)["points"] for c in notebook["cells"]
            if nbgrader_meta(c).get("grade")}


def instructor_notebook(assignment: str) -> Path:
    return COURSE / "source" / assignment / f"{assignment}.ipynb"


@dataclass
class WrongAnswer:
    "A plausible wrong answer: which solution cells it replaces, which checks it fools and which catch it."
    name: str
    description: str
    replacements: dict
    fools: list = field(default_factory=list)
    caught_by: list = field(default_factory=list)


def wrong_answers(assignment: str) -> list:
    """Read nbs/course/wrong_answers/<assignment>/*.py: a docstring (a description, then `fools:` and
    `caught_by:` lines naming graded cells), then one `# %% solution: <grade_id>` section per replaced cell."""
    answers = []
    for path in sorted((COURSE / "wrong_answers" / assignment).glob("*.py")):
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        meta = {key: [] for key in ("fools", "caught_by")}
        for line in docstring.splitlines():
            key, _, value = line.partition(":")
            if key.strip() in meta:
                meta[key.strip()] = value.split()
        replacements, current = {}, None
        for line in text.splitlines(keepends=True):
            if line.startswith("# %% solution:"):
                current = line.split(":", 1)[1].strip()
                replacements[current] = ""
            elif current:
                replacements[current] += line
        answers.append(WrongAnswer(path.stem, docstring.splitlines()[0] if docstring else path.stem,
                                   {k: v.strip("\n") for k, v in replacements.items()}, **meta))
    return answers


def make_course(root: Path) -> Path:
    "A fresh nbgrader course folder under `root` with the repo's config and sources."
    course = root / "course"
    course.mkdir(parents=True)
    shutil.copy(COURSE / "nbgrader_config.py", course)
    shutil.copytree(COURSE / "source", course / "source")
    return course


def nbgrader_api(course: Path):
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader
    config = Config(PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config())
    config.CourseDirectory.root = str(course)
    config.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    return NbGraderAPI(config=config)


def generate(course: Path, assignment: str) -> dict:
    "Generate the student version; return it as a notebook dict."
    result = nbgrader_api(course).generate_assignment(assignment)
    assert result["success"], result["error"] + result["log"]
    return json.loads((course / "release" / assignment / f"{assignment}.ipynb").read_text())


def strip_markers(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip() not in MARKERS)


def submission(student_version: dict, instructor: dict, replacements: dict | None) -> dict:
    """The student version with its solution cells filled in: from `replacements` (grade_id -> code) where given,
    from the instructor's solution otherwise; `replacements=None` hands the student version in untouched."""
    notebook = json.loads(json.dumps(student_version))
    if replacements is None:
        return notebook
    solutions = {nbgrader_meta(c)["grade_id"]: source(c) for c in instructor["cells"] if nbgrader_meta(c).get("solution")}
    unknown = set(replacements) - set(solutions)
    assert not unknown, f"wrong answer replaces cells that are not solution cells: {sorted(unknown)}"
    for cell in notebook["cells"]:
        grade_id = nbgrader_meta(cell).get("grade_id")
        if nbgrader_meta(cell).get("solution"):
            cell["source"] = replacements.get(grade_id, strip_markers(solutions[grade_id]))
    return notebook


def autograde(course: Path, assignment: str, submissions: dict) -> dict:
    """Hand in each of `submissions` (student id -> notebook) and autograde it; return student id ->
    {"cells": {grade_id: (score, max_score)}, "notebook": the autograded notebook}."""
    from nbgrader.api import Gradebook
    api = nbgrader_api(course)
    results = {}
    for student, notebook in submissions.items():
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        (folder / f"{assignment}.ipynb").write_text(json.dumps(notebook))
        result = api.autograde(assignment, student)
        assert result["success"], result["error"] + result["log"]
        graded = json.loads((course / "autograded" / student / assignment / f"{assignment}.ipynb").read_text())
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            notebook_record = gradebook.find_submission_notebook(assignment, assignment, student)
            cells = {grade.cell.name: (grade.score, grade.max_score) for grade in notebook_record.grades
                     if grade.cell.name in graded_cells(graded)}
        results[student] = {"cells": cells, "notebook": graded}
    return results


def cell_output(notebook: dict, grade_id: str) -> str:
    "Everything a cell printed or raised, as text."
    for cell in notebook["cells"]:
        if nbgrader_meta(cell).get("grade_id") == grade_id:
            parts = []
            for output in cell.get("outputs", []):
                if output["output_type"] == "stream":
                    parts.append("".join(output["text"]))
                elif output["output_type"] == "error":
                    parts.append(f"{output['ename']}: {output['evalue']}")
            return "\n".join(parts)
    raise KeyError(grade_id)
