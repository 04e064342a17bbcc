"""Grade every submission of the fault bank: what the student reads, and how long it takes.

    python bench/bench_faults.py

Each fault in tests/faults/ is put into the reference (as `grader selftest` does with
mutants) and graded by the real command, `python -m grader check --format json`, with the
default limits. Prints a Markdown table: fault, score, the first thing the report says about
it, and the seconds until the report.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.selftest import compose_mutant  # noqa: E402


def what_the_student_reads(report: dict) -> str:
    if report["errors"]:
        return report["errors"][0]
    failing = [c for e in report["exercises"] for c in e["checks"] if not c["passed"]]
    return failing[0]["message"] if failing else "(full marks)"


def main() -> None:
    reference = (ROOT / "solutions" / "linear_model.py").read_text()
    print("| fault | score | what the student reads | seconds |\n|---|---|---|---|")
    for fault in sorted((ROOT / "tests" / "faults").glob("*.py")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "linear_model.py"
            path.write_text(compose_mutant(reference, fault.read_text()))
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "grader", "check", str(path), "--format", "json"],
                                    cwd=ROOT, capture_output=True, text=True)
            seconds = time.perf_counter() - start
        report = json.loads(result.stdout)
        said = what_the_student_reads(report).replace("|", "\\|").replace("\n", " ")
        print(f"| {fault.stem} | {report['score']:g} | {said[:160]} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
