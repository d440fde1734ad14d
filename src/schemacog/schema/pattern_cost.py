"""What a portable pattern can cost each engine, read from its syntax tree.

``costs`` parses a pattern that ``patterns.check_portable`` has found portable and
returns ``Problem``s for what would be slow or too big somewhere:

- **tries**: backtracking engines (Python's ``re``, MariaDB's PCRE2) try every way a text
  can be split between the parts of a pattern. Ways multiply where parts can take the
  same characters: a run of repeats that overlap (``a?a?a?``, ``a*a*a*``), a repeated
  group whose body can match one text in several ways (``(a|aa)+``, ``(a+)+``: refused
  outright, exponential), or whose iterations can start at several places. A group
  whose iterations start or end with a character its varying parts cannot take
  (``(?:-[a-z]+)*``, ``([a-z]+\\.)*``) has one way to split, and so does one whose options
  start differently and each have one length. The tries of a whole match, on texts of
  the column's max_length (``IMPLIED_MAX_LENGTH`` when it gives none), are the ways to
  split one text (k unbounded repeats sharing a span: length ** (k - 1)) times each
  place the match can end, times each start of an unanchored search, times a repeated
  group's cost per character (``step``); more than ``MAX_TRIES`` are refused: two
  overlapping unbounded repeats pass (quadratic), three never. The ways times the
  characters and classes of one try (``work``), every choice counted as PCRE2 does
  (``tree``), are bounded too (``MAX_STEPS``): PCRE2 stops at ten million.
- **nested repeat counts** multiply to at most ``MAX_REPEAT_PRODUCT`` (RE2 refuses more);
- **written out**, with every repeat copied, a pattern has at most ``MAX_EXPANDED``
  characters and classes (PostgreSQL finds ~45,000 too complex), at most ``MAX_ARCS``
  classes times the groups of characters it names (PostgreSQL's arcs), and compiles to
  at most ``MAX_COMPILED`` bytes in PCRE2 (a class 33 and its members past 255, a
  character its UTF-8 and 1; 64 KiB fail).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "GROUP_STEP",
    "IMPLIED_MAX_LENGTH",
    "MAX_ARCS",
    "MAX_COMPILED",
    "MAX_EXPANDED",
    "MAX_REPEAT_PRODUCT",
    "MAX_STEPS",
    "MAX_TRIES",
    "MAX_WAYS",
    "Problem",
    "costs",
    "shortest",
]

MAX_WAYS: Final = 100_000  # ways a bounded repeat of an ambiguous group can match
MAX_STEPS: Final = 5_000_000  # ways times the work of each try (PCRE2 stops at 10**7)
# The longest text a pattern is matched against when the column gives no max_length: the
# choices of an unbounded repeat, and of a search's start
IMPLIED_MAX_LENGTH: Final = 10_000
# the tries of a whole match: ways to split one text, times the ends a try can reach,
# times the starts of a search: two unbounded repeats over one span at IMPLIED_MAX_LENGTH
# (under a second of CPU in Python's re), never three
MAX_TRIES: Final = 100_000_000
GROUP_STEP: Final = 10  # a repeated group's iteration over a character's, in Python (measured)
_STEP_LENGTH: Final = 256  # an unbounded repeat's choices in MAX_STEPS (PCRE2, measured)
MAX_REPEAT_PRODUCT: Final = 1000
MAX_EXPANDED: Final = 20_000
MAX_COMPILED: Final = 60_000
_CLASS_BYTES: Final = 33  # a class in PCRE2's compiled form (a 256-bit map and opcode)
# PostgreSQL splits the characters a pattern names into "colors", and a class or '.'
# gets an arc for each color it holds: about 1.4 million arcs are too complex
MAX_ARCS: Final = 300_000
_MANY: Final = 10**40  # more than any bound: too many to count

_CharSet = tuple[tuple[int, int], ...]  # sorted disjoint inclusive ranges of code points
_ALL: Final[_CharSet] = ((0, 0x10FFFF),)
_ASCII_SETS: Final[dict[str, _CharSet]] = {
    "d": ((48, 57),),
    "w": ((48, 57), (65, 90), (95, 95), (97, 122)),
    "s": ((9, 13), (32, 32)),
    "v": ((11, 11),),
}
_CONTROL: Final = {"n": 10, "t": 9, "r": 13, "f": 12}


def _merged(ranges: Iterable[tuple[int, int]]) -> _CharSet:
    out: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if out and low <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return tuple(out)


def _negated(chars: _CharSet) -> _CharSet:
    out, start = [], 0
    for low, high in chars:
        if low > start:
            out.append((start, low - 1))
        start = high + 1
    if start <= 0x10FFFF:
        out.append((start, 0x10FFFF))
    return tuple(out)


def _overlap(a: _CharSet, b: _CharSet) -> bool:
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i][1] < b[j][0]:
            i += 1
        elif b[j][1] < a[i][0]:
            j += 1
        else:
            return True
    return False


@dataclass(frozen=True)
class Problem:
    message: str
    offset: int  # 0-based index in the pattern


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


@dataclass(frozen=True)
class _Cost:
    """What matching a part of a pattern can take; ``Node`` values, bottom up."""

    first: _CharSet  # characters it can start with
    last: _CharSet  # characters it can end with
    chars: _CharSet  # characters it can take anywhere
    varying: _CharSet  # characters its parts of varying length can take
    least: int
    most: int | None  # None: no limit
    ways: int  # ways it can match one text (capped at _MANY)
    product: int  # the largest product of nested repeat counts in it
    expanded: int  # characters and classes, repeats written out
    compiled: int  # PCRE2 bytes, roughly
    wide: int = 0  # classes and '.' (not single characters), repeats written out
    work: int = 0  # steps of one try: characters and classes written out, options summed
    anchored: bool = False  # it must start at the start of the text (^)
    # the text fixes where it ends: fixed length, or options told apart by their first
    # character, each determined in turn
    determined: bool = True
    # the cost per character of its slowest repeat: 1 for a repeated character or class
    # (one opcode in Python's re), more for a repeated group (``_group_step``)
    step: int = 1
    captured: bool = False  # it holds a capturing group: Python repeats it as a group


_EMPTY: Final = _Cost((), (), (), (), 0, 0, 1, 1, 0, 0)
_START: Final = _Cost((), (), (), (), 0, 0, 1, 1, 0, 0, anchored=True)


def _char(chars: _CharSet, compiled: int) -> _Cost:
    wide = int(len(chars) > 1 or chars[0][0] != chars[0][1])
    return _Cost(chars, chars, chars, (), 1, 1, 1, 1, 1, compiled, wide=wide, work=1)


def _utf8(code: int) -> int:
    return len(chr(code).encode("utf-8", "surrogatepass"))


class _Parser:
    """A recursive descent over a pattern that is known to be portable."""

    def __init__(self, pattern: str, length: int, *, tree: bool = False) -> None:
        self.text = pattern
        self.length = length  # the longest text matched: an unbounded repeat's choices
        self.tree = tree  # count every choice of a run (its whole tree of tries)
        self.dollar = False  # an anchor that can make a try fail at its end ('$', a late '^')
        self.top: list[_Cost] = []  # the parts of the whole pattern, if it has no '|'
        self.last_items: list[_Cost] = []  # the parts of the sequence read last
        self.at = 0
        self.cuts: set[int] = set()  # where the characters it names split the alphabet

    def alternation(self) -> _Cost:
        top = self.at == 0
        options = [self.sequence()]
        if top and self.at == len(self.text):
            self.top = self.last_items
        while self.at < len(self.text) and self.text[self.at] == "|":
            self.at += 1
            options.append(self.sequence())
        return _alternatives(options)

    def sequence(self) -> _Cost:
        items: list[_Cost] = []
        while self.at < len(self.text) and self.text[self.at] not in "|)":
            items.append(self.repeated(self.atom()))
        self.last_items = items
        return _sequence(items, self.length, tree=self.tree)

    def atom(self) -> _Cost:
        char = self.text[self.at]
        if char == "(":
            capture = not self.text.startswith("(?:", self.at)
            self.at += 1 if capture else 3
            inner = self.alternation()
            self.at += 1  # ")"
            return _group(inner, capture=capture)
        if char == "[":
            chars, size = self.char_class()
            self.cuts.update(cut for low, high in chars for cut in (low, high + 1))
            return _char(chars, size)
        if char in "^$":
            self.at += 1
            # an anchor that can fail after the start: '$', or '^' past the first character
            self.dollar = self.dollar or char == "$" or self.at > 1
            return _START if char == "^" else _EMPTY
        if char == ".":
            self.at += 1
            return _char(_ALL, 2)
        if char == "\\":
            chars, is_class = self.escape()
            self.cuts.update(cut for low, high in chars for cut in (low, high + 1))
            return _char(chars, _CLASS_BYTES if is_class else 1 + _utf8(chars[0][0]))
        self.at += 1
        self.cuts.update((ord(char), ord(char) + 1))
        return _char(((ord(char), ord(char)),), 1 + _utf8(ord(char)))

    def escape(self) -> tuple[_CharSet, bool]:
        """The characters of the escape at ``at`` (moved past it), and is it a class?"""
        letter = self.text[self.at + 1]
        self.at += 2
        if letter.lower() in _ASCII_SETS and letter != "V":
            chars = _ASCII_SETS[letter.lower()]
            return (_negated(chars) if letter.isupper() else chars), True
        if letter in _CONTROL:
            return ((_CONTROL[letter], _CONTROL[letter]),), False
        if letter == "x":
            code = int(self.text[self.at : self.at + 2], 16)
            self.at += 2
            return ((code, code),), False
        return ((ord(letter), ord(letter)),), False

    def char_class(self) -> tuple[_CharSet, int]:
        """The characters of the class at ``at`` (moved past it), and its PCRE2 size."""
        self.at += 1
        negate = self.text.startswith("^", self.at)
        self.at += negate
        ranges: list[tuple[int, int]] = []
        first = True
        while first or self.text[self.at] != "]":
            first = False
            low = self.class_member()
            if (
                len(low) == 1
                and low[0][0] == low[0][1]
                and self.text.startswith("-", self.at)
                and self.text[self.at + 1] != "]"
            ):
                self.at += 1
                high = self.class_member()
                ranges.append((low[0][0], high[-1][1]))
            else:
                ranges += low
        self.at += 1
        chars = _merged(ranges)
        # PCRE2 lists each member beyond the first 256 characters as written
        listed = [(max(low, 256), high) for low, high in ranges if high >= 256]
        size = _CLASS_BYTES + sum(
            1 + _utf8(low) + (_utf8(high) if high != low else 0) for low, high in listed
        )
        return (_negated(chars) if negate else chars), size

    def class_member(self) -> _CharSet:
        if self.text[self.at] == "\\":
            return self.escape()[0]
        code = ord(self.text[self.at])
        self.at += 1
        return ((code, code),)

    def repeated(self, cost: _Cost) -> _Cost:
        """``cost`` with the quantifier at ``at`` applied, if there is one."""
        if self.at >= len(self.text) or self.text[self.at] not in "*+?{":
            return cost
        start = self.at
        char = self.text[self.at]
        if char == "{":
            end = self.text.index("}", self.at)
            numbers = self.text[self.at + 1 : end].split(",")
            least = int(numbers[0])
            most = None if len(numbers) == 2 and not numbers[1] else int(numbers[-1])
            self.at = end + 1
        else:
            least, most = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.at += 1
        if self.text.startswith("?", self.at):  # lazy: the same work
            self.at += 1
        return _repeat(cost, least, most, start)


def _sequence(items: Sequence[_Cost], length: int, *, tree: bool = False) -> _Cost:
    if not items:
        return _EMPTY
    ways = math.prod(min(item.ways, _MANY) for item in items)
    # runs of parts that can trade characters: each way to split a text between those of
    # varying length is another way to match; only a part that must take a character
    # none of the run can take ends a run
    run: list[int] = []  # indexes in items
    run_chars: _CharSet = ()
    for index, item in enumerate(items):
        if item.least > 0 and not _overlap(item.chars, run_chars):
            ways = min(ways * _run_ways(items, run, length, tree=tree), _MANY)
            run, run_chars = [], ()
            if item.least == item.most:
                continue  # a delimiter: it trades with nothing on either side
        if item.least != item.most:
            run.append(index)
        run_chars = _merged([*run_chars, *item.chars])
    ways = min(ways * _run_ways(items, run, length, tree=tree), _MANY)
    first: list[tuple[int, int]] = []
    for item in items:
        first += item.first
        if item.least > 0:
            break
    last: list[tuple[int, int]] = []
    for item in reversed(items):
        last += item.last
        if item.least > 0:
            break
    mosts = [item.most for item in items]
    return _Cost(
        first=_merged(first),
        last=_merged(last),
        chars=_merged(r for item in items for r in item.chars),
        varying=_merged(
            r for item in items for r in (item.chars if item.least != item.most else item.varying)
        ),
        least=sum(item.least for item in items),
        most=None if None in mosts else sum(m or 0 for m in mosts),
        ways=ways,
        product=max(item.product for item in items),
        expanded=sum(item.expanded for item in items),
        compiled=sum(item.compiled for item in items),
        wide=sum(item.wide for item in items),
        work=sum(item.work for item in items),
        anchored=items[0].anchored,
        determined=all(item.determined for item in items),
        step=max(item.step for item in items),
        captured=any(item.captured for item in items),
    )


def _run_ways(
    items: Sequence[_Cost], run: Sequence[int], length: int, *, tree: bool = False
) -> int:
    """Ways to split one text between the parts of one run of varying length (``run``:
    their indexes in ``items``) that trade characters: the product of their
    choices but the largest (the others fix how much is left to it), since a failing rest
    of the pattern makes the engine try them all. A run of k unbounded repeats has
    ``length ** (k - 1)``; the ends the whole match can reach are counted in ``costs``.
    With ``tree``, every choice counts: the tries of one match, ends included."""
    trading = {
        index
        for i, earlier in enumerate(run)
        for later in run[i + 1 :]
        if _trade(items[earlier], items[earlier + 1 : later + 1])
        for index in (earlier, later)
    }
    sharing = [items[i] for i in sorted(trading)]
    if len(sharing) < 2:
        return 1
    choices = sorted(_choices(item, length) for item in sharing)
    return min(math.prod(choices if tree else choices[:-1]), _MANY)


def _trade(earlier: _Cost, following: Sequence[_Cost]) -> bool:
    """Can the end of ``earlier`` move within one text, ``following`` taking the rest?
    Between two such splits, a character ``earlier`` ends with in the longer one is taken
    by ``following`` in the shorter, whose first character ``earlier`` takes in the
    longer: a repeated ``([a-z]+\\.)*`` ends with '.', which a following ``[a-z]+``
    never takes, so the two have one way to split a text."""
    first: list[tuple[int, int]] = []
    for item in following:
        first += item.first
        if item.least > 0:
            break
    chars = _merged(r for item in following for r in item.chars)
    return _overlap(earlier.last, chars) and _overlap(earlier.chars, _merged(first))


def _choices(cost: _Cost, length: int) -> int:
    if cost.most is None:
        return length
    return min(cost.most - cost.least + 1, _MANY)


def _alternatives(options: Sequence[_Cost]) -> _Cost:
    if len(options) == 1:
        return options[0]
    # options that can start alike are each tried: their ways add up
    disjoint = all(
        not _overlap(a.first, b.first) and a.least > 0 and b.least > 0
        for i, a in enumerate(options)
        for b in options[i + 1 :]
    )
    ways = max(o.ways for o in options) if disjoint else sum(o.ways for o in options)
    mosts = [o.most for o in options]
    leasts = {o.least for o in options}
    varying = _merged(r for o in options for r in o.varying)
    if len(leasts) > 1 or len(set(mosts)) > 1:
        varying = _merged(r for o in options for r in o.chars)
    return _Cost(
        first=_merged(r for o in options for r in o.first),
        last=_merged(r for o in options for r in o.last),
        chars=_merged(r for o in options for r in o.chars),
        varying=varying,
        least=min(leasts),
        most=None if None in mosts else max(m or 0 for m in mosts),
        ways=min(ways, _MANY),
        product=max(o.product for o in options),
        expanded=sum(o.expanded for o in options),
        compiled=sum(o.compiled for o in options) + 3 * len(options),
        wide=sum(o.wide for o in options),
        work=sum(o.work for o in options),
        anchored=all(o.anchored for o in options),
        determined=disjoint and all(o.determined for o in options),
        step=max(o.step for o in options),
        captured=any(o.captured for o in options),
    )


def _group(inner: _Cost, *, capture: bool) -> _Cost:
    captured = inner.captured or capture
    return _Cost(**{**inner.__dict__, "compiled": inner.compiled + 6, "captured": captured})


def _repeat(body: _Cost, least: int, most: int | None, at: int) -> _Cost:
    count = max(least, most or 1)
    product = body.product * count
    if product > MAX_REPEAT_PRODUCT:
        raise _Refused(
            Problem(
                f"nested repeat counts multiply to {product}, more than {MAX_REPEAT_PRODUCT} "
                "(DuckDB's RE2 refuses them, PostgreSQL finds them too complex)",
                at,
            )
        )
    ways = 1
    if most != 1:
        # each iteration can match in body.ways ways; iterations of varying length can
        # also begin at several places unless a delimiter fixes where
        delimited = body.least > 0 and (
            not _overlap(body.first, body.varying) or not _overlap(body.last, body.varying)
        )
        fixed = body.least == body.most
        per_iteration = body.ways if (fixed or body.determined or delimited) else _MANY
        if body.least == 0:
            per_iteration = _MANY  # an empty iteration: any number of them
        if per_iteration > 1:
            ways = _MANY if most is None else min(per_iteration**most, _MANY)
        if ways > MAX_WAYS:
            raise _Refused(
                Problem(
                    "a repeated group that can match the same text in many ways, such as "
                    "(a+)+, (a{1,2})+, (a|aa)+ or (a?){20}, can take exponential time to "
                    "match; rewrite it so that each repeat has one way to match",
                    at,
                )
            )
    else:
        ways = body.ways
    # one character or class, repeated: one opcode in Python (REPEAT_ONE)
    simple = body.least == body.most == 1 and body.work <= 1 and not body.captured
    return _Cost(
        first=body.first,
        last=body.last,
        chars=body.chars,
        varying=body.chars if least != most else body.varying,
        least=body.least * least,
        most=None if most is None or body.most is None else body.most * most,
        ways=ways,
        product=product,
        expanded=body.expanded * count,
        compiled=body.compiled * count,
        wide=body.wide * count,
        work=body.work * count,
        anchored=body.anchored and least > 0,
        determined=least == most and body.determined,
        # Python runs a quantified group (even ``?``) through its group machinery at
        # every try that reaches it: ``a*(?:a{0})?$`` is slow where ``a*$`` is not
        step=body.step if simple else max(body.step, _group_step(body)),
        captured=body.captured,
    )


def _group_step(body: _Cost) -> int:
    """The cost per character of a repeated group: GROUP_STEP times the work of one
    iteration, over the characters one iteration takes at least."""
    return -(-GROUP_STEP * max(body.work, 1) // max(body.least, 1))


def costs(pattern: str, length: int = IMPLIED_MAX_LENGTH) -> list[Problem]:
    """What is too slow or too big in ``pattern`` (portable, valid), with its offset, when
    it is matched against texts of at most ``length`` characters."""
    parser = _Parser(pattern, length)
    try:
        cost = parser.alternation()
    except _Refused as refused:
        return [refused.problem]
    problems = []
    if cost.expanded > MAX_EXPANDED:
        problems.append(
            Problem(
                f"the pattern expands to more than {MAX_EXPANDED} characters and classes "
                "with its repeats written out (PostgreSQL finds it too complex)",
                0,
            )
        )
    elif cost.wide * (len(parser.cuts) + 1) > MAX_ARCS:
        problems.append(
            Problem(
                f"the pattern's {cost.wide} classes (with its repeats written out) span "
                f"{len(parser.cuts) + 1} groups of the characters it names: more than "
                f"{MAX_ARCS} transitions, which PostgreSQL finds too complex",
                0,
            )
        )
    elif cost.compiled > MAX_COMPILED:
        problems.append(
            Problem(
                f"the pattern compiles to about {cost.compiled} bytes with its repeats "
                f"written out, more than {MAX_COMPILED} (MariaDB's PCRE2 refuses 64 KiB)",
                0,
            )
        )
    elif _whole_tries(parser, cost) > MAX_TRIES:
        problems.append(
            Problem(
                "parts of the pattern that can take the same characters follow each other "
                "or repeat (such as a*a*a*, [a-z]+[a-z0-9]+ unanchored, where the search's "
                f"start is one more repeat, or (a|a){{16}}.*): on a text of {length} "
                f"characters a backtracking engine (Python, MariaDB) can try more than "
                f"{MAX_TRIES} ways, one by one; rewrite it so that at most two repeats "
                "(counting an unanchored start) can take the same characters",
                0,
            )
        )
    else:
        # the steps of one try as PCRE2 counts them for its match limit: every choice of
        # a run (``tree``), an unbounded repeat as _STEP_LENGTH; the starts of a search
        # are not its work
        try:
            tree = _Parser(pattern, _STEP_LENGTH, tree=True).alternation()
        except _Refused as refused:
            return [refused.problem]
        if tree.ways * tree.work > MAX_STEPS:
            problems.append(
                Problem(
                    f"matching it can take more than {MAX_STEPS} steps: {tree.ways} ways to "
                    f"split a text, each trying up to {tree.work} characters and classes, which "
                    "backtracking engines (Python, MariaDB: 'match limit exceeded') go through; "
                    "rewrite it so that fewer repeats can take the same characters",
                    0,
                )
            )
    return problems


def shortest(pattern: str) -> int:
    """The fewest characters a text matching ``pattern`` (portable, accepted) holds."""
    return _Parser(pattern, IMPLIED_MAX_LENGTH).alternation().least


def _whole_tries(parser: _Parser, cost: _Cost) -> int:
    """The tries of the whole pattern. Without '$' (or a '^' past its start) or '|', the
    parts at its end that can match nothing never fail: once the parts before them
    match, the search is done, so they are tried once, from one place, and never
    backtracked into by the rest (``[a-z0-9]+(?:-[a-z0-9]+)*`` unanchored: the search's
    start and one repeat)."""
    items, length = parser.top, parser.length
    cut = len(items)
    while cut > 0 and items[cut - 1].least == 0:
        cut -= 1
    if parser.dollar or not items or cut == len(items):
        return _tries(cost, length)
    rest = _sequence(items[cut:], length)
    head = _tries(_sequence(items[:cut], length), length) if cut else length
    return max(head, _tries(dataclasses.replace(rest, anchored=True), length))


def _tries(cost: _Cost, length: int) -> int:
    """The tries of a whole match on texts of at most ``length`` characters: the ways to
    split one text, times the ends a try can reach (each place a repeat can give back,
    so ``length`` with any unbounded repeat), times the starts of a search, times the
    cost of one step of its slowest repeat (``step``)."""
    ends = length if cost.most is None else max(1, min(cost.most, length))
    starts = 1 if cost.anchored else length
    return cost.ways * ends * starts * cost.step
