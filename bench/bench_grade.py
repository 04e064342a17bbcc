"""Benchmark `grader grade`: a generated class of mixed quality, with -j 1 and -j 2.

    python bench/bench_grade.py [--size 200]

Generates the class with bench/make_class.py, grades it from scratch with each -j into a
fresh output folder, and prints the wall time, the rate, the ratio of the two rates (measured
in one run of this script) and the largest peak memory of any process involved.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_class import make_class  # noqa: E402

WRAPPER = """
import json, resource, sys
from grader.cli import main
code = main(sys.argv[1:])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"main_mb": me.ru_maxrss / 1024, "largest_other_mb": kids.ru_maxrss / 1024}), file=sys.stderr)
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        submissions = make_class(args.size, Path(folder) / "class")
        print(f"`grader grade` on {args.size} generated submissions, Python {sys.version.split()[0]}\n")
        print("| -j | wall s | submissions/s | main process peak MB | largest other process peak MB |")
        print("|---|---|---|---|---|")
        rates = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", WRAPPER, "grade", str(submissions),
                                     "--lesson", "linear_model", "--out",
                                     str(Path(folder) / f"out{jobs}"), "-j", str(jobs)],
                                    cwd=ROOT, capture_output=True, text=True)
            wall = time.perf_counter() - start
            memory = json.loads(result.stderr.strip().splitlines()[-1])
            rates[jobs] = args.size / wall
            print(f"| {jobs} | {wall:.1f} | {rates[jobs]:.2f} | {memory['main_mb']:.0f} | "
                  f"{memory['largest_other_mb']:.0f} |")
        same = (Path(folder) / "out1" / "grades.csv").read_text() == (Path(folder) / "out2" / "grades.csv").read_text()
        print(f"\n-j 2 / -j 1 throughput: {rates[2] / rates[1]:.2f}x; the two gradebooks are "
              f"{'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
