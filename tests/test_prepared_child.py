"""A warm grader starts the next grading's child before the save: used when it can be, never when it cannot."""

import os
import signal
import time

from grader.sandbox.process import ForkServer, Limits

from conftest import ROOT

REFERENCE = ROOT / "solutions" / "linear_model.py"


class CountingForkServer(ForkServer):
    def __init__(self):
        self.forked = 0
        super().__init__()

    def fork(self, workdir, rules):
        self.forked += 1
        return super().fork(workdir, rules)


def test_the_prepared_child_grades_the_next_submission(grade_file):
    with CountingForkServer() as forks:
        forks.prepare(Limits())
        assert forks.forked == 1
        assert grade_file(REFERENCE, forks=forks).score == 100
        assert forks.forked == 1  # no child was forked for the grading: the prepared one graded


def test_a_prepared_child_of_other_limits_or_that_died_is_not_used(grade_file):
    with CountingForkServer() as forks:
        forks.prepare(Limits(call_timeout=7.0))
        other_limits = forks._spare[1]
        assert grade_file(REFERENCE, forks=forks).score == 100
        assert forks.forked == 2 and other_limits._workdir is None  # closed unused; a child of the right limits

        forks.prepare(Limits())
        time.sleep(0.5)  # confined and waiting for its submission
        os.killpg(forks._spare[1]._child.pid, signal.SIGKILL)  # a prepared child that died on its own
        time.sleep(0.2)
        assert grade_file(REFERENCE, forks=forks).score == 100
        assert forks.forked == 4

        forks.prepare(Limits())
        os.kill(forks._proc.pid, signal.SIGKILL)  # the server and, with it, the prepared child
        forks._proc.wait()
        assert grade_file(REFERENCE, forks=forks).score == 100  # a new server, a new child
        assert forks.forked == 6
