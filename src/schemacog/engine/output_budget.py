"""The bound on a run's output: a multiple of its input, with a floor.

A region's output may be much larger than its marker (``sc.docs.dictionary()`` is one
line and renders the whole schema), so a few kilobytes of markers repeated could make a
run write gigabytes. A run may produce at most ``OUTPUT_FACTOR`` times its input (the
marked files' bytes and the schema's) plus ``OUTPUT_FLOOR``; the output is counted while
rendering, region by region, so the run stops at the region that crosses the bound (and
memory stays bounded by it too), and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemacog.errors import Pos, Problem

__all__ = ["OUTPUT_FACTOR", "OUTPUT_FLOOR", "OutputBudget"]

OUTPUT_FACTOR = 20
OUTPUT_FLOOR = 20 * 1024 * 1024


@dataclass
class OutputBudget:
    """What a run may still produce, in bytes (characters, counted as they render)."""

    input_bytes: int
    limit: int
    spent: int = 0
    exceeded: bool = False

    @classmethod
    def of(cls, input_bytes: int) -> OutputBudget:
        return cls(input_bytes, OUTPUT_FACTOR * input_bytes + OUTPUT_FLOOR)

    def spend(self, size: int) -> bool:
        """Count ``size`` more bytes of output; False once the bound is crossed."""
        self.spent += size
        if self.spent > self.limit:
            self.exceeded = True
        return not self.exceeded

    def problem(self, path: str, line: int) -> Problem:
        mb = 2**20
        message = (
            f"this region makes the run's output larger than its bound of "
            f"{self.limit // mb} MB ({OUTPUT_FACTOR} x the {self.input_bytes / mb:.1f} MB of "
            f"marked files and schema + {OUTPUT_FLOOR // mb} MB); each region's output "
            "counts, identical ones too: fewer regions (one sc.docs.dictionary() per "
            "project), or split the project"
        )
        return Problem(Pos(path, line), message)
