"""nbgrader settings for the segnb course: run nbgrader commands from this folder (nbs/course)."""
c = get_config()  # noqa: F821 (nbgrader provides get_config)

c.CourseDirectory.course_id = "segnb"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
# A student's training cell is shortened while graded (NBGRADER_EXECUTION is set), but a kernel start plus one
# assignment's checks still take a few seconds a cell on a slow laptop.
c.Execute.timeout = 180
# What a student finds where a solution was.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
