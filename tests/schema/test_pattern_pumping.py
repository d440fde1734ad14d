"""Every pattern ``check_portable`` accepts answers fast in Python's ``re`` (#17 item 4).

Hypothesis draws patterns from a grammar of the portable subset (literals, classes,
groups, alternation, ``? * + {n} {n,} {n,m}``, anchors) and keeps those the analysis
accepts. For each, attack strings are built from the pattern's own pieces: one or more
of its repeats pumped (their body's text written again and again) up to the implied
maximum length, 10,000 characters, then a character that makes the match fail. Python's
``re``, compiled as the generated validator compiles it (``python_pattern``,
``PYTHON_FLAGS``), must answer each within ``CPU_BOUND`` seconds of CPU; a timer stops a
match that hangs, so a hang fails the test instead of hanging the suite.

``SCHEMACOG_PUMP_EXAMPLES`` (``nox -s fuzz``: 2,000) sets the number of patterns.
"""

from __future__ import annotations

import os
import random
import re
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemacog.schema.pattern_cost import IMPLIED_MAX_LENGTH
from schemacog.schema.patterns import PYTHON_FLAGS, PatternError, check_portable, python_pattern

EXAMPLES = int(os.environ.get("SCHEMACOG_PUMP_EXAMPLES", "40"))
CPU_BOUND = 2.0  # seconds of CPU for one match of one attack string
WALL_BOUND = 20.0  # a hang: the timer stops it (the machine may be shared)
_SUFFIXES = ("!", "", ",", "\n", "a!", "-!")


# --- the grammar: a small tree that prints as a pattern and samples texts it matches ---


@dataclass(frozen=True)
class Chars:
    source: str  # a literal, an escape, a class or "."
    members: str  # the characters a sample takes from


@dataclass(frozen=True)
class Repeat:
    body: Node
    least: int
    most: int | None
    source: str  # the quantifier as written


@dataclass(frozen=True)
class Alt:
    options: tuple[tuple[Node, ...], ...]
    capture: bool


Node = Chars | Repeat | Alt

_ATOMS = [
    Chars("a", "a"),
    Chars("b", "b"),
    Chars("-", "-"),
    Chars(",", ","),
    Chars(r"\.", "."),
    Chars("[ab]", "ab"),
    Chars("[a-z]", "abz"),
    Chars("[a-z0-9]", "a0z"),
    Chars("[^,]", "ab-"),
    Chars(".", "a,-"),
    Chars(r"\d", "09"),
    Chars(r"\w", "a_0"),
]


def _quantifiers() -> st.SearchStrategy[tuple[int, int | None, str]]:
    small = st.integers(0, 4)
    return st.one_of(
        st.sampled_from([(0, 1, "?"), (0, None, "*"), (1, None, "+")]),
        small.map(lambda n: (n, n, f"{{{n}}}")),
        small.map(lambda n: (n, None, f"{{{n},}}")),
        st.tuples(small, st.sampled_from([1, 2, 3, 5, 20, 60, 255])).map(
            lambda p: (min(p), max(p), f"{{{min(p)},{max(p)}}}")
        ),
    )


def _nodes() -> st.SearchStrategy[Node]:
    atoms: st.SearchStrategy[Node] = st.sampled_from(_ATOMS)

    def extend(inner: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
        sequences = st.lists(inner, min_size=1, max_size=4).map(tuple)
        groups = st.builds(
            Alt, st.lists(sequences, min_size=1, max_size=3).map(tuple), st.booleans()
        )
        repeats = st.builds(
            lambda body, q: Repeat(body, q[0], q[1], q[2]), st.one_of(inner, groups), _quantifiers()
        )
        return st.one_of(groups, repeats)

    return st.recursive(atoms, extend, max_leaves=8)


def _source(node: Node) -> str:
    if isinstance(node, Chars):
        return node.source
    if isinstance(node, Repeat):
        body = _source(node.body)
        if isinstance(node.body, Repeat):
            body = f"(?:{body})"
        return body + node.source
    options = "|".join("".join(_source(n) for n in option) for option in node.options)
    return f"({options})" if node.capture else f"(?:{options})"


def _repeats(node: Node) -> Iterator[Repeat]:
    if isinstance(node, Repeat):
        yield node
        yield from _repeats(node.body)
    elif isinstance(node, Alt):
        for option in node.options:
            for item in option:
                yield from _repeats(item)


def _sample(node: Node, rng: random.Random, pumped: dict[int, int]) -> str:
    """A text ``node`` matches; a repeat in ``pumped`` takes that many iterations."""
    if isinstance(node, Chars):
        return rng.choice(node.members)
    if isinstance(node, Repeat):
        if id(node) in pumped:
            count = pumped[id(node)]
            if node.most is not None:
                count = min(count, node.most)
            count = max(count, node.least)
        else:
            count = rng.randint(node.least, node.most if node.most is not None else node.least + 2)
        # the same piece each time: the attack repeats the pattern's own text
        piece = _sample(node.body, rng, pumped)
        return piece * count
    option = rng.choice(node.options)
    return "".join(_sample(item, rng, pumped) for item in option)


@dataclass(frozen=True)
class Drawn:
    pattern: str
    tree: tuple[Node, ...]
    start: bool


@st.composite
def _patterns(draw: st.DrawFn) -> Drawn:
    items = tuple(draw(st.lists(_nodes(), min_size=1, max_size=5)))
    start, end = draw(st.booleans()), draw(st.booleans())
    body = "".join(_source(item) for item in items)
    return Drawn(("^" if start else "") + body + ("$" if end else ""), items, start)


def _attacks(drawn: Drawn, seed: int) -> Iterator[str]:
    """Texts of at most IMPLIED_MAX_LENGTH: repeats pumped, then a failing suffix."""
    repeats = [r for item in drawn.tree for r in _repeats(item)]
    rng = random.Random(seed)
    choices: list[list[Repeat]] = [[r] for r in repeats]
    if len(repeats) > 1:
        choices += [repeats, rng.sample(repeats, 2)]
    for chosen in choices:
        for suffix in rng.sample(_SUFFIXES, 3):
            pieces_seed = rng.random()
            text = "".join(
                _sample(item, random.Random(pieces_seed), dict.fromkeys(map(id, chosen), 1))
                for item in drawn.tree
            )
            twice = "".join(
                _sample(item, random.Random(pieces_seed), dict.fromkeys(map(id, chosen), 2))
                for item in drawn.tree
            )
            growth = max(len(twice) - len(text), 1)
            count = max((IMPLIED_MAX_LENGTH - len(text)) // growth, 1)
            pumped = "".join(
                _sample(item, random.Random(pieces_seed), dict.fromkeys(map(id, chosen), count))
                for item in drawn.tree
            )
            yield pumped[: IMPLIED_MAX_LENGTH - len(suffix)] + suffix


class _Hang(Exception):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Hang


def cpu_seconds(compiled: re.Pattern[str], text: str, wall: float = WALL_BOUND) -> float:
    """The CPU time of one search; ``wall`` if the timer had to stop it after ``wall`` s."""
    previous = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, wall)
    start = time.process_time()
    try:
        compiled.search(text)
    except _Hang:
        return wall
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.process_time() - start


def _accepted(pattern: str) -> bool:
    try:
        check_portable(pattern)
    except PatternError:
        return False
    return True


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@given(_patterns(), st.integers(0, 2**32))
def test_an_accepted_pattern_answers_pumped_attacks_fast(drawn: Drawn, seed: int) -> None:
    if not _accepted(drawn.pattern):
        return
    compiled = re.compile(python_pattern(drawn.pattern), PYTHON_FLAGS)
    for text in _attacks(drawn, seed):
        assert len(text) <= IMPLIED_MAX_LENGTH
        seconds = cpu_seconds(compiled, text)
        assert seconds < CPU_BOUND, (drawn.pattern, text[:60], len(text), seconds)


def test_the_timer_stops_a_hang() -> None:
    # the property's guard: a search that would take minutes is stopped, and counts slow
    started = time.monotonic()
    assert cpu_seconds(re.compile(r"^(a+)+$"), "a" * 40 + "!", wall=0.3) == 0.3
    assert time.monotonic() - started < 5


DOCS = Path(__file__).resolve().parents[2] / "docs" / "schema-format.md"
REASONS = {  # the verdict the docs give -> what the refusal says
    "exponential": "can take exponential time",
    "too many tries": "can try more than 100000000 ways",
    "too many steps": "more than 5000000 steps",
}


def _documented() -> list[tuple[str, str]]:
    """(pattern, verdict) of each line of docs/schema-format.md's list of verdicts."""
    text = DOCS.read_text(encoding="utf-8")
    block = text.split("<!-- pattern-verdicts:start -->")[1].split("<!-- pattern-verdicts:end -->")[
        0
    ]
    found = []
    for line in block.strip().splitlines():
        match = re.fullmatch(r"- `([^`]+)` — (accepted|refused, ([a-z ]+)):.*", line)
        assert match is not None, line
        found.append((match.group(1), match.group(3) or "accepted"))
    return found


def test_the_docs_list_verdicts() -> None:
    verdicts = [verdict for _, verdict in _documented()]
    assert set(verdicts) == {*REASONS, "accepted"}
    assert len(verdicts) >= 30


@pytest.mark.parametrize(("pattern", "verdict"), _documented())
def test_each_documented_pattern_gets_its_verdict(pattern: str, verdict: str) -> None:
    if verdict == "accepted":
        check_portable(pattern)
        return
    with pytest.raises(PatternError) as caught:
        check_portable(pattern)
    assert REASONS[verdict] in str(caught.value)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("^a*a*$", "a" * (IMPLIED_MAX_LENGTH - 1) + "!"),
        ("^(.*),(.*)x$", "," * IMPLIED_MAX_LENGTH),
        ("a*b", "a" * IMPLIED_MAX_LENGTH),
        ("^(?:a|a){8}.*x$", "a" * IMPLIED_MAX_LENGTH),  # 256 ways: under the bound
        ("[a-z0-9]+(?:-[a-z0-9]+)*", "a-" * 4_999 + "!"),  # unanchored, no "$"
    ],
)
def test_accepted_quadratic_patterns_answer_within_the_bound(pattern: str, text: str) -> None:
    check_portable(pattern)
    compiled = re.compile(python_pattern(pattern), PYTHON_FLAGS)
    assert cpu_seconds(compiled, text) < CPU_BOUND
