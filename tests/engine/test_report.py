"""The drift report's diff: difflib's, or one bounded hunk for files of many repeated lines."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from schemacog.engine import report

LINES = st.lists(st.sampled_from(["a\n", "b\n", "# [[[end]]]\n", "c", "\n"]), max_size=30)


def _patched(old: list[str], diff: list[str]) -> list[str]:
    """``old`` with the hunks of a unified diff applied (the test's own reader)."""
    result: list[str] = []
    at = 0
    for line in diff[2:]:
        if line.startswith("@@"):
            start = int(line.split()[1][1:].split(",")[0])
            length = line.split()[1][1:].split(",")
            first = start - 1 if len(length) == 1 or int(length[1]) else start
            result += old[at:first]
            at = first
        elif line[0] in " -":
            assert old[at] == line[1:]
            at += 1
            if line[0] == " ":
                result.append(line[1:])
        else:
            result.append(line[1:])
    return result + old[at:]


@settings(max_examples=300, deadline=None)
@given(LINES, LINES)
def test_the_bounded_hunk_turns_old_into_new(old: list[str], new: list[str]) -> None:
    budget, report._DIFF_BUDGET = report._DIFF_BUDGET, -1  # every pair past the budget
    try:
        bounded = list(report.unified_diff(old, new, "a/f", "b/f"))
    finally:
        report._DIFF_BUDGET = budget
    assert (bounded == []) == (old == new)
    if bounded:
        assert bounded[:2] == ["--- a/f\n", "+++ b/f\n"]
        assert _patched(old, bounded) == new
    exact = list(report.unified_diff(old, new, "a/f", "b/f"))
    assert exact == list(difflib.unified_diff(old, new, "a/f", "b/f"))


def test_a_file_of_many_repeated_lines_gets_one_hunk() -> None:
    old = ["# [[[cog sc.docs.erd() ]]]\n", "x\n", "# [[[end]]]\n"] * 20_000
    new = ["# [[[cog sc.docs.erd() ]]]\n", "y\n", "# [[[end]]]\n"] * 20_000
    diff = list(report.unified_diff(old, new, "a/f", "b/f"))
    assert diff[2] == "@@ -1,60000 +1,60000 @@\n"
    assert _patched(old, diff) == new
