"""A check with a bug of its own, for the tests of grader faults: it raises inside the grader."""

from grader.authoring import ask, check


@check("total", 4)
def total_with_a_broken_check(student, ref):
    """total of an empty list, compared by a check that indexes past the end"""
    call, value = ask(student, "total", [])
    return [value][1]  # the grader's bug, not the student's: IndexError
