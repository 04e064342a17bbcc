"""The student's loop, timed: a cold `grader check`, a re-check on save, a second `grader.check()` in a kernel.

    python bench/bench_loop.py [--runs 7]

All on the reference (solutions/linear_model.py), in one run, in rounds; each round times:

- floor: `python -c "import numpy, hypothesis, matplotlib.pyplot"` in this venv;
- (a) `python -m grader check solutions/linear_model.py` (floor and (a) alternate which goes first);
- (b) a save seen by a running `grader check --watch`: from the file's write to its report's
  last line (`Score: ...`) on the watcher's stdout;
- (c) `grader.check()` in a running Jupyter kernel that has run the reference's cells and
  called it once already: from the execute request to the kernel's reply.

Prints the median of each and the median of the per-round ratios to the floor (targets:
(a) <= 1.25, (b) and (c) <= 0.3), then the peak memory (VmHWM) of each process: those of a cold
`grader check` sampled while it runs, those of the watcher and the kernel when the rounds end.
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
REFERENCE = ROOT / "solutions" / "linear_model.py"
FLOOR = [sys.executable, "-c", "import numpy, hypothesis, matplotlib.pyplot"]
CHECK = [sys.executable, "-m", "grader", "check", str(REFERENCE)]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_mb(pid: int) -> float:
    """The peak resident memory of a running process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(p) for p in (task / "children").read_text().split()]
    except OSError:
        pass  # it has just ended
    return found


def sampled_peaks(command: list[str]) -> dict[str, float]:
    """Run `command`, reading every 5 ms the peak memory of it and of each process under it:
    {"grader": MB, "child": the largest of the others}. (getrusage cannot say: a sandbox's
    processes live in namespaces of their own and are killed, not waited for, by their parent.)"""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks = {}
    while process.poll() is None:
        pending, tree = [process.pid], []
        while pending:
            pid = pending.pop()
            tree.append(pid)
            pending += children(pid)
        for pid in tree:
            try:
                peaks[pid] = max(peaks.get(pid, 0.0), peak_mb(pid))
            except OSError:
                pass
        time.sleep(0.005)
    grader = peaks.pop(process.pid, float("nan"))
    return {"grader": grader, "child": max(peaks.values(), default=float("nan"))}


class Watcher:
    """A `grader check --watch` on a copy of the reference; `save()` times one re-check."""

    def __init__(self, folder: Path):
        self.file = folder / "linear_model.py"
        self.source = REFERENCE.read_text(encoding="utf-8")
        self.file.write_text(self.source)
        self.saves = 0
        self.process = subprocess.Popen([*CHECK[:-1], "--watch", str(self.file)], cwd=ROOT, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._until_score()

    def _until_score(self) -> str:
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the watcher stopped")
            if line.startswith("Score:"):
                return line

    def save(self) -> float:
        self.saves += 1
        start = time.perf_counter()
        self.file.write_text(f"{self.source}\n# save {self.saves}\n")  # a new save of the same code
        score = self._until_score()
        elapsed = time.perf_counter() - start
        assert score.startswith("Score: 100/100"), score
        return elapsed

    def close(self) -> dict:
        peaks = {"watcher": peak_mb(self.process.pid),
                 "watcher's fork server": max(map(peak_mb, children(self.process.pid)), default=float("nan"))}
        self.process.terminate()
        self.process.wait()
        return peaks


class Kernel:
    """A Jupyter kernel that has run the reference's cells and `grader.check()` once."""

    def __init__(self):
        from jupyter_client.manager import start_new_kernel

        self.manager, self.client = start_new_kernel(kernel_name="python3", cwd=str(ROOT))
        source = REFERENCE.read_text(encoding="utf-8")
        for cell in source.split("# %%"):
            if cell.strip() and not cell.startswith(" [markdown]"):
                self._run(cell.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", ""))
        self._run("import grader\ngrader.check()")

    def _run(self, code: str) -> None:
        reply = self.client.execute_interactive(code, timeout=300, output_hook=lambda message: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the kernel failed: {reply['content']}")

    def check(self) -> float:
        start = time.perf_counter()
        self._run("assert grader.check().score == 100")
        return time.perf_counter() - start

    def close(self) -> dict:
        pid = self.manager.provisioner.process.pid
        peaks = {"kernel": peak_mb(pid), "kernel's fork server": max(map(peak_mb, children(pid)), default=float("nan"))}
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)
        return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times = {"floor": [], "check": [], "watch": [], "kernel": []}
    with tempfile.TemporaryDirectory() as folder:
        watcher, kernel = Watcher(Path(folder)), Kernel()
        try:
            for round_ in range(args.runs):
                for name in (("floor", "check") if round_ % 2 == 0 else ("check", "floor")):
                    times[name].append(timed(FLOOR if name == "floor" else CHECK))
                times["watch"].append(watcher.save())
                times["kernel"].append(kernel.check())
        finally:
            peaks = {**watcher.close(), **kernel.close()}
    cold, floor = sampled_peaks(CHECK), sampled_peaks(FLOOR)

    print(f"Python {sys.version.split()[0]}; medians of {args.runs} rounds, each timing every row\n")
    print("| what | median s | median ratio to the floor (per round) | target |")
    print("|---|---|---|---|")
    rows = [("floor: `python -c \"import numpy, hypothesis, matplotlib.pyplot\"`", "floor", ""),
            ("(a) `grader check` on the reference", "check", "<= 1.25"),
            ("(b) `grader check --watch`: a save to the report's last line", "watch", "<= 0.3"),
            ("(c) a second `grader.check()` in a running kernel", "kernel", "<= 0.3")]
    for label, name, target in rows:
        ratio = statistics.median(t / f for t, f in zip(times[name], times["floor"]))
        print(f"| {label} | {statistics.median(times[name]):.3f} | {ratio:.3f} | {target} |")
    print("\n| process | peak memory MB |\n|---|---|")
    print(f"| the floor command | {floor['grader']:.0f} |")
    print(f"| `grader check`: the grader | {cold['grader']:.0f} |")
    print(f"| `grader check`: its largest child | {cold['child']:.0f} |")
    for name, mb in peaks.items():
        print(f"| {name} | {mb:.0f} |")


if __name__ == "__main__":
    main()
