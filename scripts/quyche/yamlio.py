"""Strict, safe YAML reading that remembers where every value came from.

PyYAML's SafeLoader silently keeps the last of two duplicate keys; for data
that people edit by hand that hides mistakes, so duplicates are refused here.
Every mapping comes back as a ``Located`` dict that knows its own line and the
line of each key, so later errors can always say ``file:line``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml


class Located(dict):
    """A mapping from YAML that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    @classmethod
    def wrap(cls, value, line: int = 0):
        """Plain data (made by a program, not read from a file) as located data at `line`."""
        if isinstance(value, dict):
            out = cls({k: cls.wrap(v, line) for k, v in value.items()})
            out.line, out.key_lines = line, {}
            return out
        if isinstance(value, list):
            return [cls.wrap(v, line) for v in value]
        return value


class LocatedList(list):
    line: int = 0
    item_lines: list


@dataclass(frozen=True)
class YamlProblem(Exception):
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_SCALARS = yaml.SafeLoader("")

#: libyaml's parser when PyYAML was built with it: the same YAML, the same node
#: marks (so the same file:line), about ten times faster than the pure-Python
#: one, which was most of the build time of a large corpus.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: Limits that no regulation comes near (the largest YAML is well under 1 MB and
#: nests about 20 levels) but that stop a wrong or hostile file early, with its
#: line, instead of exhausting memory or the interpreter's stack.
MAX_BYTES = 20_000_000
MAX_DEPTH = 100


def _convert(node: yaml.Node, path: str, depth: int = 0, seen: set | None = None):
    seen = set() if seen is None else seen
    if id(node) in seen:
        # An alias (*name) hands back a node already read; refusing them keeps a
        # few lines from expanding into billions of values ("billion laughs").
        raise YamlProblem(path, node.start_mark.line + 1,
                          "YAML anchors and aliases (&name, *name) are not allowed here; write the value out")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(path, node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(path, key_node.start_mark.line + 1,
                                  "YAML merge keys (<<) are not allowed here")
            key = _convert(key_node, path, depth + 1, seen)
            if not isinstance(key, str):
                raise YamlProblem(path, key_node.start_mark.line + 1,
                                  f"key {key!r} must be text")
            if key in out:
                raise YamlProblem(
                    path, key_node.start_mark.line + 1,
                    f"duplicate key '{key}' (first at line {out.key_lines[key]})")
            out.key_lines[key] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path, depth + 1, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LocatedList(_convert(item, path, depth + 1, seen) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    # Dates stay text ("2025-07-17"): the schema checks their form and the
    # model parses them, so a bad date is reported, not silently coerced.
    if node.tag == "tag:yaml.org,2002:timestamp":
        return unicodedata.normalize("NFC", node.value)
    value = _SCALARS.construct_object(node, deep=True)
    # Vietnamese typed with combining marks (NFD) means the same as NFC.
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def load_located(path: Path, text: str | None = None):
    """Parse one YAML file safely; raise YamlProblem with file:line on any fault."""
    shown = str(path)
    if text is None:
        try:
            size = Path(path).stat().st_size
            if size > MAX_BYTES:
                raise YamlProblem(shown, 1, f"file is {size / 1e6:.1f} MB; a regulation's YAML is at most "
                                  f"{MAX_BYTES / 1e6:.0f} MB (is this the right file?)")
            data = Path(path).read_bytes()
        except OSError as exc:
            raise YamlProblem(shown, 0, f"cannot read file: {exc.strerror}") from None
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise YamlProblem(shown, line, "file is not valid UTF-8") from None
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlProblem(shown, line, f"malformed YAML: {exc.problem or exc}") from None
    except yaml.reader.ReaderError as exc:   # a control character, e.g. pasted from a PDF
        # The position is in characters or in bytes, depending on the parser: find the character.
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        line = text[: max(text.find(bad), 0)].count("\n") + 1
        char = f"U+{ord(bad):04X}" if len(bad) == 1 else repr(bad)
        raise YamlProblem(shown, line, f"malformed YAML: character {char} is not allowed in YAML") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(shown, 0, f"malformed YAML: {exc}") from None
    if node is None:
        raise YamlProblem(shown, 1, "file is empty; expected a regulation mapping")
    try:
        return _convert(node, shown)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise YamlProblem(shown, mark.line + 1 if mark else 0,
                          f"invalid value: {exc.problem}") from None
