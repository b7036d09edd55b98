"""The course assignments under test, as a teacher uses them: the student version gives nothing away, the
instructor's solution earns full marks, a blank hand-in earns 0 with the self-check's message in every graded
cell, and each plausible wrong answer fools the visible checks it claims to and loses points on a hidden test.

Each autograded hand-in starts a kernel (about 10 s on a laptop), so the fast run grades the solution, the blank
hand-in and the first wrong answer of each assignment, and reads every wrong answer's claims; the slow run
(SEGNB_TEST_FLAGS=slow, as for the notebooks' #| slow cells) grades every wrong answer."""
import json
import os

import pytest

from course import (ASSIGNMENTS, MARKERS, autograde, cell_output, generate, graded_cells, instructor_notebook,
                    make_course, nbgrader_meta, source, submission, wrong_answers)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment(assignment, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    instructor = json.loads(instructor_notebook(assignment).read_text())
    points = graded_cells(instructor)
    assert len(points) >= 3, f"{assignment}: partial credit needs several graded cells, found {len(points)}"
    course = make_course(tmp_path)
    student = generate(course, assignment)

    # the student version: no solutions, no hidden tests, no outputs, and a stub where each solution was
    text = "\n".join(source(c) for c in student["cells"])
    for marker in MARKERS:
        assert marker not in text, f"{assignment}: the student version still contains {marker!r}"
    assert all(not c.get("outputs") for c in student["cells"] if c["cell_type"] == "code")
    stubs = [c for c in student["cells"] if nbgrader_meta(c).get("solution")]
    assert stubs and all("raise NotImplementedError()" in source(c) for c in stubs)
    assert student["metadata"]["kernelspec"]["name"] == "python3"

    answers = wrong_answers(assignment)
    assert len(answers) >= 2, f"{assignment}: needs at least two plausible wrong answers, found {len(answers)}"
    for answer in answers:  # every wrong answer names graded cells, and replaces solution cells (submission checks)
        assert answer.caught_by, f"{answer.name} names no hidden test that catches it"
        unknown = set(answer.caught_by + answer.fools) - set(points)
        assert not unknown, f"{answer.name} names cells that are not graded: {sorted(unknown)}"
    wrong = {f"wrong-{a.name}": submission(student, instructor, a.replacements) for a in answers}
    if "slow" not in os.environ.get("SEGNB_TEST_FLAGS", "").split():
        answers = answers[:1]
    submissions = {"solution": submission(student, instructor, {}), "blank": submission(student, instructor, None)}
    submissions.update({f"wrong-{a.name}": wrong[f"wrong-{a.name}"] for a in answers})
    results = autograde(course, assignment, submissions)
    total = sum(points.values())
    score = {name: sum(s for s, _ in r["cells"].values()) for name, r in results.items()}
    report = {name: r["cells"] for name, r in results.items()}
    print(f"{assignment}: {json.dumps(score)} of {total}")

    assert score["solution"] == total, f"the instructor's solution lost points: {report['solution']}"
    assert score["blank"] == 0, f"a blank hand-in earned points: {report['blank']}"
    for grade_id in points:
        assert "not implemented yet" in cell_output(results["blank"]["notebook"], grade_id), \
            f"{grade_id} does not say 'not implemented yet' for a blank hand-in"
    for answer in answers:
        cells = results[f"wrong-{answer.name}"]["cells"]
        for grade_id in answer.caught_by:
            assert cells[grade_id][0] == 0, f"{answer.name} ({answer.description}) was not caught by {grade_id}"
        for grade_id in answer.fools:
            assert cells[grade_id][0] == cells[grade_id][1], f"{answer.name} was meant to pass {grade_id}"
        assert 0 < score[f"wrong-{answer.name}"] < total, f"{answer.name} should earn partial credit: {cells}"
