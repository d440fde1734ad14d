"""Float literals in the DDL (defaults, bounds, checks) read as exactly the double the
Python layers compare with, in every engine: SQLite's own reading of decimal text can be
a unit in the last place off (0.086302560314 on 3.40), so it gets an exact quotient."""

from __future__ import annotations

import sqlite3

from hypothesis import example, given
from hypothesis import strategies as st

from schemacog.render.sql.dialects import SQLITE


@given(st.floats(allow_nan=False, allow_infinity=False))
@example(0.086302560314)
@example(4.3974570e-19)
@example(9.316622324e29)
@example(5e-324)
@example(1.7976931348623157e308)
@example(-0.0)
def test_sqlite_reads_each_float_literal_as_the_double_itself(value: float) -> None:
    with sqlite3.connect(":memory:") as connection:
        (read,) = connection.execute(f"SELECT {SQLITE.float_literal(value)}").fetchone()
    assert read == value


def test_a_short_exact_double_is_written_as_it_is() -> None:
    assert [SQLITE.float_literal(v) for v in (0.5, -1.5, 1000.0)] == ["0.5", "-1.5", "1000.0"]
    assert SQLITE.float_literal(0.1) == "(CAST(3602879701896397 AS REAL) / 36028797018963968)"
