"""Hypothesis: generated valid schemas load as written; a misspelled key is always named.

The schemas come from ``schema_strategies``, which writes YAML text itself so that it
knows the line and column of every structural key it wrote.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from schema_strategies import Generated, schemas

from schemacog.errors import SchemaError
from schemacog.schema.validate import load_schema_text


@settings(max_examples=150, deadline=None)
@given(schemas())
def test_generated_valid_schemas_load_in_order(generated: Generated) -> None:
    schema = load_schema_text(generated.written.text, "gen.yaml")
    assert [t.name for t in schema.tables] == generated.tables
    for table in schema.tables:
        assert [c.name for c in table.columns] == generated.columns[table.name]
    assert {e.name: list(e.value_names) for e in schema.enums} == generated.enums
    assert load_schema_text(generated.written.text, "gen.yaml") == schema


@settings(max_examples=300, deadline=None)
@given(schemas(), st.data())
def test_renaming_a_key_is_reported_on_its_line_by_name(
    generated: Generated, data: st.DataObject
) -> None:
    written = generated.written
    line, col, key = data.draw(st.sampled_from(written.keys))
    unknown = data.draw(st.sampled_from(["x", "zz_", "q"])) + key
    lines = list(written.lines)
    text = lines[line - 1]
    assert text[col - 1 : col - 1 + len(key)] == key
    lines[line - 1] = text[: col - 1] + unknown + text[col - 1 + len(key) :]
    try:
        load_schema_text("\n".join(lines) + "\n", "gen.yaml")
    except SchemaError as exc:
        messages = [str(p) for p in exc.problems]
    else:
        raise AssertionError(f"renaming {key!r} to {unknown!r} was accepted")
    assert f"gen.yaml:{line}:{col}: unknown key {unknown!r}" in "\n".join(messages), messages
