"""An exercise and autograding kit: student code runs in a child process, checks in ours."""

__version__ = "0.1.0"
