"""Benchmark `grader check`: wall time (median of several runs) and peak memory per process.

    python bench/bench_check.py [--runs 7] [--lesson linear_model|gradient_descent]

Runs the real command (`python -m grader check ...`) on the lesson's reference, its untouched
stubs and a buggy submission. Peak memory is sampled from /proc while the command runs: the
grader's own peak, and the largest peak among the processes under it. It also counts, per
check, how many calls into the student's code the check made. Figures go to stdout as
Markdown; the machine is shared and noisy, so read medians, not single runs.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from bench_loop import sampled_peaks  # noqa: E402


def buggy_linear_model(source: str) -> str:
    """The lesson's classic slips: l_sum / 3 and the transposed reshape."""
    source = source.replace("return total / len(x_data)", "return total / 3")
    return source.replace("reshape(n_w, n_b).T\n    return W, B, MSE", "reshape(n_b, n_w)\n    return W, B, MSE")


def buggy_gradient_descent(source: str) -> str:
    """The gradient's sign flipped, in the student's own gradient, which their train calls."""
    return source.replace("total += 2 * x * (x * w - y)", "total += 2 * x * (y - x * w)")


BUGGY = {"linear_model": ("buggy: /3 and transposed grid", buggy_linear_model),
         "gradient_descent": ("buggy: the gradient's sign flipped", buggy_gradient_descent)}


def buggy_submission(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.py"
    path.write_text(BUGGY[stem][1]((ROOT / "solutions" / f"{stem}.py").read_text()))
    return path


def wall_times(path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "grader", "check", str(path)], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def peak_memory(path: Path) -> dict:
    """{"grader": MB, "child": MB}: sampled from /proc while it runs (see bench_loop.sampled_peaks)."""
    return sampled_peaks([sys.executable, "-m", "grader", "check", str(path)])


def calls_per_check(stem: str) -> dict[str, int]:
    """How many calls into the student's code each check makes on the reference."""
    from grader import assignment as assignments
    from grader.engine import run_check
    from grader.sandbox.process import Sandbox
    from grader.sandbox.proxy import StudentModule
    from grader.submission import load_program

    lesson = assignments.load(stem)
    program = load_program(lesson.solution_path, lesson.stem)
    counts = {}
    with Sandbox(program) as sandbox:
        student = StudentModule(sandbox)
        real_request = sandbox.request
        for check in lesson.checks():
            made = []
            sandbox.request = lambda message, timeout=None: made.append(1) or real_request(message, timeout)
            run_check(check, student, lesson.reference())
            counts[check.name] = len(made)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lesson", choices=sorted(BUGGY), default="linear_model")
    args = parser.parse_args()
    stem = args.lesson
    with tempfile.TemporaryDirectory() as folder:
        cases = {"reference (100/100)": ROOT / "solutions" / f"{stem}.py",
                 "untouched stubs (0/100)": ROOT / "exercises" / f"{stem}.py",
                 BUGGY[stem][0]: buggy_submission(Path(folder), stem)}
        print(f"`grader check` ({stem}), {args.runs} runs each, Python {sys.version.split()[0]}\n")
        print("| submission | median s | min s | max s | grader peak MB | largest child peak MB |")
        print("|---|---|---|---|---|---|")
        for label, path in cases.items():
            times = wall_times(path, args.runs)
            memory = peak_memory(path)
            print(f"| {label} | {statistics.median(times):.2f} | {min(times):.2f} | {max(times):.2f} | "
                  f"{memory['grader']:.0f} | {memory['child']:.0f} |")
    counts = calls_per_check(stem)
    print(f"\nCalls into the student's code per check (reference): {sum(counts.values())} in all\n")
    print("| check | calls |\n|---|---|")
    for name, count in counts.items():
        print(f"| {name} | {count} |")


if __name__ == "__main__":
    main()
