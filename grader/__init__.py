"""An exercise and autograding kit: student code runs in a child process, checks in ours.

In a notebook, `import grader; grader.check()` grades the functions the kernel has defined.
Importing the package loads nothing else (the command line imports it too).
"""

__version__ = "0.1.0"


def check(exercise=None, **options):
    """Grade what this kernel has defined (`grader.check()`), or one exercise (`grader.check("mse")`).

    Returns the report: it shows itself as a table in Jupyter, as text elsewhere; `report.score`.
    """
    from .notebook import check as check_kernel

    return check_kernel(exercise, **options)
