"""What the kernel sandbox costs: `grader check` and `grader grade` with `--sandbox auto` and `off`.

    python bench/bench_sandbox.py [--runs 7] [--class-size 200] [--class-runs 7]

Runs are paired: each round runs `auto` and `off` back to back (alternating which goes
first), so both see the same load on this shared machine. Prints the median of each and
the median of the per-round ratios auto/off, as Markdown. `--class-runs 0` skips the class.
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
from make_class import make_class  # noqa: E402

MODES = ("auto", "off")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "grader", *command], cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def paired(make_command, runs: int) -> dict[str, list[float]]:
    """{mode: [seconds, ...]} over `runs` rounds, each round running both modes."""
    times = {mode: [] for mode in MODES}
    for round_ in range(runs):
        for mode in (MODES if round_ % 2 == 0 else MODES[::-1]):
            times[mode].append(timed(make_command(mode, round_)))
    return times


def row(what: str, times: dict[str, list[float]]) -> str:
    ratios = [a / o for a, o in zip(times["auto"], times["off"])]
    return (f"| {what} | {statistics.median(times['auto']):.2f} | {statistics.median(times['off']):.2f} | "
            f"{statistics.median(ratios):.3f} | {len(ratios)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--class-size", type=int, default=200)
    parser.add_argument("--class-runs", type=int, default=7)
    args = parser.parse_args()
    reference = str(ROOT / "solutions" / "linear_model.py")
    print(f"Python {sys.version.split()[0]}; medians of paired runs\n")
    print("| command | auto s | off s | auto / off (median of pairs) | pairs |")
    print("|---|---|---|---|---|")
    print(row("`grader check` on the reference", paired(lambda mode, _: ["check", reference, "--sandbox", mode],
                                                       args.runs)), flush=True)
    if args.class_runs:
        with tempfile.TemporaryDirectory() as folder:
            submissions = str(make_class(args.class_size, Path(folder) / "class"))
            out = lambda mode, n: str(Path(folder) / f"out-{mode}-{n}")  # noqa: E731  (fresh: grade all)
            times = paired(lambda mode, n: ["grade", submissions, "--out", out(mode, n), "--sandbox", mode],
                           args.class_runs)
            print(row(f"`grader grade` on {args.class_size} generated submissions", times))


if __name__ == "__main__":
    main()
