"""The one YAML writer: whatever it writes reads back as the value written."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from consortium.files.yamlwriter import block_mapping, flow_mapping, scalar

ODD = ["2024", "no", "NO", "on", "Off", "1.10", "null", "~", "yes", "0x1F", "1:30", "a, b", "x #y"]


@pytest.mark.parametrize("text", ODD)
def test_odd_ids_come_out_quoted_and_read_back(text: str) -> None:
    assert scalar(text, flow=True).startswith('"')
    assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
    assert yaml.safe_load(flow_mapping({"cluster": text})) == {"cluster": text}


def test_plain_words_stay_plain_and_typed_values_stay_typed() -> None:
    assert scalar("pt-norte") == "pt-norte"
    assert flow_mapping({"cluster": "pt-norte", "role": "partner"}) == (
        "{cluster: pt-norte, role: partner}"
    )
    data = {"n": 3, "ok": True, "on": date(2021, 2, 2), "none": None, "tags": ["a, b", "c"]}
    assert yaml.safe_load("\n".join(block_mapping(data))) == data


@given(st.text())
def test_any_text_reads_back_in_block_and_flow(text: str) -> None:
    assert yaml.safe_load(f"k: {scalar(text)}") == {"k": text}
    assert yaml.safe_load(flow_mapping({"k": text})) == {"k": text}
    lines = block_mapping({"k": [text], "summary": text}, blocks=frozenset({"summary"}))
    assert yaml.safe_load("\n".join(lines)) == {"k": [text], "summary": text}


@pytest.mark.parametrize("text", ["\n", "a\n", "x\n\n", "\n\na"])
def test_final_line_breaks_read_back(text: str) -> None:
    """`|-` strips final line breaks and the plain pattern's `$` matched before one: both
    wrote "a\\n" so that it read back "a" (found by the property test above)."""
    data = {"summary": text, "k": text}
    assert yaml.safe_load("\n".join(block_mapping(data, blocks=frozenset({"summary"})))) == data
