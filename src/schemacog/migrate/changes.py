"""What a change to a column's type does to the rows it holds: one table, every dialect.

``SAFE``: every value converts exactly. ``TIGHTENING``: values convert exactly or the
change is refused by a data check first (a narrower integer, fewer integer digits, a
text becoming an enum). ``LOSSY``: values may be rounded or reinterpreted, so the change
is destructive (it needs ``--allow-destructive``). A change absent from the table has no
plan: it is refused with the way to make it by hand.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from schemacog.model import Column, LogicalType

__all__ = ["Effect", "rounded_scale", "type_change"]

_T = LogicalType


class Effect(StrEnum):
    SAFE = "safe"
    TIGHTENING = "tightening"
    LOSSY = "lossy"


_INTEGERS: Final = (_T.SMALLINT, _T.INTEGER, _T.BIGINT)
_TEXTS: Final = (_T.STRING, _T.TEXT)
# (from, to) -> effect and, where lossy, why
_CHANGES: Final[dict[tuple[LogicalType, LogicalType], tuple[Effect, str]]] = {
    **{
        (a, b): (Effect.SAFE if i <= j else Effect.TIGHTENING, "")
        for i, a in enumerate(_INTEGERS)
        for j, b in enumerate(_INTEGERS)
    },
    **{(a, _T.DECIMAL): (Effect.TIGHTENING, "") for a in _INTEGERS},
    (_T.SMALLINT, _T.FLOAT): (Effect.SAFE, ""),
    (_T.INTEGER, _T.FLOAT): (Effect.SAFE, ""),
    (_T.BIGINT, _T.FLOAT): (Effect.LOSSY, "a float holds integers exactly up to 2**53 only"),
    **{(_T.FLOAT, b): (Effect.LOSSY, "a float is rounded to an integer") for b in _INTEGERS},
    (_T.FLOAT, _T.DECIMAL): (Effect.LOSSY, "a float is rounded to the decimal's scale"),
    (_T.DECIMAL, _T.FLOAT): (Effect.LOSSY, "a decimal is rounded to the nearest float"),
    **{(_T.DECIMAL, b): (Effect.LOSSY, "a decimal's fraction is rounded away") for b in _INTEGERS},
    **{(a, b): (Effect.SAFE, "") for a in _TEXTS for b in _TEXTS},
    **{(_T.ENUM, b): (Effect.SAFE, "") for b in _TEXTS},
    **{(a, _T.ENUM): (Effect.TIGHTENING, "") for a in _TEXTS},
    (_T.TIMESTAMP, _T.TIMESTAMPTZ): (
        Effect.LOSSY,
        "a timestamp without a zone is read in the session's time zone",
    ),
    (_T.TIMESTAMPTZ, _T.TIMESTAMP): (
        Effect.LOSSY,
        "an instant loses its offset (converted to the session's time zone)",
    ),
}


def _kind(column: Column) -> LogicalType:
    return _T.ENUM if column.enum is not None else column.type


def rounded_scale(old: Column, new: Column) -> int | None:
    """The scale a decimal's values are rounded to when its places are cut (a lossy
    change), else None: the one rule the guard, the data checks and the copies follow."""
    if old.type is not _T.DECIMAL or new.type is not _T.DECIMAL:
        return None
    if old.precision is None or new.precision is None:
        return None
    return new.scale or 0 if (new.scale or 0) < (old.scale or 0) else None


def type_change(old: Column, new: Column) -> tuple[Effect, str] | None:
    """What changing ``old``'s type to ``new``'s does (None: no plan for it)."""
    before, after = _kind(old), _kind(new)
    if before is _T.ENUM and after is _T.ENUM and old.enum != new.enum:
        return None
    if before == after and before is _T.DECIMAL:
        old_scale, new_scale = old.scale or 0, new.scale or 0
        if rounded_scale(old, new) is not None:
            return Effect.LOSSY, f"scale {old_scale} -> {new_scale} rounds the values"
        if (
            old.precision is not None
            and new.precision is not None
            and new.precision - new_scale < old.precision - old_scale
        ):
            return Effect.TIGHTENING, ""
        if old.precision is None and new.precision is not None:
            return Effect.LOSSY, f"a decimal is rounded to scale {new_scale}"
        return Effect.SAFE, ""
    if before == after:
        return Effect.SAFE, ""
    return _CHANGES.get((before, after))
