"""Offsets on datetimes (#14, item 4): a timestamptz must be aware, a timestamp naive.

The validator, the pydantic model (``AwareDatetime`` / ``NaiveDatetime``) and the cleaner
give the same verdict on naive and aware values in both kinds of column.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from layers import generate, model_accepts

SCHEMA = """schemacog: 1
name: stamps
tables:
  event:
    columns:
      id: {type: integer, primary_key: true}
      local_at: {type: timestamp, nullable: true}
      seen_at: {type: timestamptz, nullable: true}
"""


class _NoOffset(dt.tzinfo):
    """A tzinfo that knows no offset: Python calls such a datetime naive."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, when: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, when: dt.datetime | None) -> str | None:
        return None


NAIVE = dt.datetime(2024, 6, 1, 10, 30)
AWARE = NAIVE.replace(tzinfo=dt.timezone(dt.timedelta(hours=2)))
NO_OFFSET = NAIVE.replace(tzinfo=_NoOffset())  # naive by Python's definition


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return generate(tmp_path_factory.mktemp("stamps"), SCHEMA, "event").module


@pytest.mark.parametrize(
    ("column", "value", "accepted"),
    [
        ("local_at", NAIVE, True),
        ("local_at", AWARE, False),
        ("seen_at", AWARE, True),
        ("seen_at", NAIVE, False),
        ("local_at", NO_OFFSET, True),
        ("seen_at", NO_OFFSET, False),
    ],
)
def test_every_python_layer_reads_offsets_alike(
    models: Any, column: str, value: dt.datetime, accepted: bool
) -> None:
    row = {"id": 1, column: value}
    assert (models.validate_event(row) == []) == accepted, models.validate_event(row)
    assert model_accepts(models.EventModel, row) == accepted
    record, messages = models.clean_event({"id": "1", column: value.isoformat()})
    assert (record is not None) == accepted, messages
