"""Role-card rows as a reader needs them: one row per thing to do, the post's roles
in it merged ("Chủ trì; dự họp"), rows that say the same thing once, long clause
texts whole behind an expander instead of cut mid-word."""
from __future__ import annotations

from ..describe import actor_names, when
from ..roles import ROLE_NAMES, Card

#: Longer clause texts are shown by their first words, the whole text one click away.
SHORT = 220


def _merge(rows: list[dict], key) -> list[dict]:
    out: dict = {}
    for row in rows:
        k = key(row)
        if k in out:
            for r in row["roles"]:
                if r not in out[k]["roles"]:
                    out[k]["roles"].append(r)
        else:
            out[k] = row
    return list(out.values())


def meeting_rows(c: Card) -> list[dict]:
    rows = []
    for role, f in c.meetings:
        name = "Họp (tập thể)" if role == "owner" and f.type == "meeting" else ROLE_NAMES[role]
        rows.append({"fact": f, "roles": [name], "when": when(f)})
    return _merge(rows, lambda r: (r["fact"].name, r["when"], r["fact"].source.unit))


def report_rows(c: Card) -> list[dict]:
    reg = c.reg
    rows = []
    for f in c.owes:
        rows.append({"fact": f, "roles": ["Phải gửi, thực hiện"], "when": when(f),
                     "with": actor_names(reg, f.receivers) or "văn bản không nêu"})
    for f in c.receives:
        rows.append({"fact": f, "roles": ["Nhận"], "when": when(f),
                     "with": actor_names(reg, f.senders) or actor_names(reg, [f.owner] if f.owner else [])
                     or "văn bản không nêu"})
    return _merge(rows, lambda r: (r["fact"].name, r["when"], r["fact"].source.unit, r["with"]))


def lead(text: str, size: int = SHORT) -> tuple[str, bool]:
    """The first words of a text, ended at a word boundary; whether anything was left out."""
    if len(text) <= size:
        return text, False
    cut = text.rfind(" ", 0, size - 40)
    return text[:cut if cut > 0 else size].rstrip(" ,;:") + "…", True
