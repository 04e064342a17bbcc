"""A picture is drawn once per grading: the checks of one plot function look at the same picture."""

from grader.sandbox.process import Limits, Program, Sandbox
from grader.sandbox.proxy import StudentModule

COUNTING = '''
import matplotlib.pyplot as plt

drawn = []


def picture(x):
    drawn.append(x)
    fig, ax = plt.subplots()
    ax.set_title(f"drawing {len(drawn)}")
    return ax


def drawings():
    return len(drawn)
'''


def test_the_same_plot_call_draws_once_and_other_arguments_draw_again():
    program = Program("counting", [{"source": COUNTING, "filename": "counting.py", "label": None}], tolerant=False)
    with Sandbox(program, Limits(call_timeout=10.0, import_timeout=30.0), preload=("matplotlib.pyplot",)) as box:
        student = StudentModule(box)
        first, again = (student.call("picture", [1.0, 2.0], plot=True) for _ in range(2))
        other = student.call("picture", [1.0, 3.0], plot=True)
        assert first.title == again.title == "drawing 1"
        assert other.title == "drawing 2"
        assert student.drawings() == 2
