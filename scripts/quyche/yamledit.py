"""Edits of a hand-kept YAML file that leave every other line as the editor wrote it.

``quyche propose`` appends proposals to the ``actors:`` and ``facts:`` lists and
``quyche accept`` deletes their ``review: proposed`` line; both work on the text,
never by loading and re-dumping the file, so comments, quoting, key order and
line breaks of reviewed data stay untouched.
"""
from __future__ import annotations

import re

import yaml

_TOP_KEY = re.compile(r"^([a-z_]+):(.*)$")
#: Where new top-level lists go when a file has none yet (ingest writes no facts).
_ORDER = ("id", "metadata", "anomalies", "defects", "actors", "facts", "waivers", "units")


class _Dumper(yaml.SafeDumper):
    pass


class _Flow(list):
    """A list of ids or numbers, written on one line as the files do: [a, b]."""


def _str(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", list(v), flow_style=True))


def _flowed(value):
    if isinstance(value, dict):
        return {k: _flowed(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, int) or (isinstance(v, str) and re.fullmatch(r"[a-z0-9_-]+", v)) for v in value):
            return _Flow(value)
        return [_flowed(v) for v in value]
    return value


def dump_items(items: list[dict]) -> str:
    """A YAML list, in the files' own style (two-space items, flow lists of ids)."""
    return yaml.dump([_flowed(i) for i in items], Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=10_000, indent=2)


def _sections(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Top-level key -> (line of the key, line after its block), 0-based."""
    starts = [(i, m.group(1)) for i, line in enumerate(lines) if (m := _TOP_KEY.match(line))]
    out = {}
    for n, (i, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        # Comments just above the next key belong to it.
        while end - 1 > i and lines[end - 1].startswith("#"):
            end -= 1
        out[key] = (i, end)
    return out


def append(text: str, key: str, items: list[dict], comment: str) -> str:
    """Append items to the top-level list `key`, creating it where the files keep it."""
    if not items:
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    block = [f"# {comment}\n"] + dump_items(items).splitlines(keepends=True)
    sections = _sections(lines)
    if key in sections:
        start, end = sections[key]
        if re.match(rf"^{key}:\s*\[\]\s*$", lines[start]):
            lines[start] = f"{key}:\n"
        while end - 1 > start and not lines[end - 1].strip():
            end -= 1
        return "".join(lines[:end] + block + lines[end:])
    later = [k for k in _ORDER[_ORDER.index(key) + 1:] if k in sections]
    at = sections[later[0]][0] if later else len(lines)
    return "".join(lines[:at] + [f"{key}:\n"] + block + lines[at:])


def accept(text: str, ids: set[str] | None) -> tuple[str, list[str]]:
    """Delete the ``review: proposed`` line of the listed items (all when ids is None)."""
    lines = text.splitlines(keepends=True)
    accepted: list[str] = []
    current = None
    keep = []
    for line in lines:
        m = re.match(r"^- id: ([a-z0-9-]+)\s*$", line)
        if m:
            current = m.group(1)
        elif _TOP_KEY.match(line):
            current = None
        if current and re.match(r"^  review: proposed\s*$", line) and (ids is None or current in ids):
            accepted.append(current)
            continue
        keep.append(line)
    return "".join(keep), accepted
