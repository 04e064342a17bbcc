"""A cold `grader check` on the reference, the first run on a machine and a later one, against the floor.

    python bench/bench_cold.py [--runs 9] [--before CHECKOUT]

Each round times, in an order that alternates from round to round:

- the floor: `python -c "import numpy, hypothesis, matplotlib.pyplot"`;
- `python -m grader check solutions/linear_model.py` with the examples of an earlier run kept
  (`grader/replay.py`), and with none kept (their folder removed first: the first run here);
- with `--before`, the same command in another checkout (say `git worktree add /tmp/old <commit>`),
  run from its folder, so that it grades with its own code.

Prints the median time of each and the median of the per-round ratios to the floor. It removes
the examples folder of the user's cache once per round; they are written again by the next run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECK = [sys.executable, "-m", "grader", "check", "solutions/linear_model.py"]


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another checkout of the kit, to time its grader check too")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from grader.files import user_cache

    examples = user_cache("examples")
    rows = {"floor": (lambda: timed([sys.executable, "-c", "import numpy, hypothesis, matplotlib.pyplot"], ROOT)),
            "now, examples kept": lambda: timed(CHECK, ROOT),
            "now, none kept (the first run)": lambda: (shutil.rmtree(examples, ignore_errors=True), timed(CHECK, ROOT))[1]}
    if args.before:
        rows[f"before ({args.before})"] = lambda: timed(CHECK, args.before)
    timed(CHECK, ROOT)  # keeps the examples the first round's "kept" replays
    times = {name: [] for name in rows}
    for round_ in range(args.runs):
        for name in (list(rows) if round_ % 2 == 0 else list(rows)[::-1]):
            times[name].append(rows[name]())
    floor = times["floor"]
    print(f"Python {sys.version.split()[0]}; medians of {args.runs} rounds\n")
    print("| what | median s | median ratio to the floor (per round) |\n|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.3f} | {statistics.median(v / f for v, f in zip(values, floor)):.3f} |")


if __name__ == "__main__":
    main()
