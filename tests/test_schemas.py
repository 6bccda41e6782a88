"""The JSON Schemas editors get completion from: every property is described."""
from __future__ import annotations

import json

import pytest

from support import ROOT


def _undescribed(node, path="") -> list[str]:
    out = []
    if isinstance(node, dict):
        # Properties inside an "if" are conditions on a value, not fields to fill in.
        if "properties" in node and not path.endswith("/if"):
            out += [f"{path}/{k}" for k, v in node["properties"].items() if isinstance(v, dict) and "description" not in v]
        for key, value in node.items():
            out += _undescribed(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _undescribed(value, f"{path}/{i}")
    return out


@pytest.mark.parametrize("name", ["regulation.schema.json", "comparison.schema.json"])
def test_every_property_has_a_description(name):
    schema = json.loads((ROOT / "structured" / name).read_text(encoding="utf-8"))
    assert not _undescribed(schema)
