"""Facts and actors proposed by the machine, for an editor to review.

For every normative clause that states a time (a cadence, a day, a window, a
lead time or a share of votes) and that no fact cites yet, the proposer reads
each of its sentences with ``quyche.timeexpr`` and proposes a fact in the same
model as reviewed facts: its type from the sentence's words
(``fact_types.guess``), its schedule from the reader, its actors from who the
sentence names and where (the subject owes or chairs, "do X chủ trì" chairs,
"Thành phần …" attends, "báo cáo với / gửi / trình X" receives), the exact
sentence as its quote, and the rules that produced it. Actors of a new text
are proposed from its headings ("Trách nhiệm, quyền hạn của …"), its lists of
members and the subjects of its clauses.

Nothing here writes files: ``proposals_yaml`` renders what ``quyche propose``
appends, and ``quyche.yamledit`` does the writing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import fact_types
from .actor_names import mentions
from .model import Actor, Regulation, Unit
from .normalize import fold, normalize
from .timeexpr import Reading, read, schedule_of, schedule_expressions

#: The kinds of reading that make a sentence worth a fact.
FACT_READINGS = {"rrule", "frequency", "periods", "window", "term", "lead", "threshold"}

_SENTENCE_END = re.compile(r"(?<=[;.])\s+(?=\S)|(?<=:)\s+(?=[-–•+]\s)")


@dataclass
class ProposedActor:
    id: str
    name: str
    kind: str
    rule: str


@dataclass
class ProposedFact:
    id: str
    type: str
    name: str
    unit: str
    quote: str
    rule: str
    schedule: dict | None = None
    roles: dict = field(default_factory=dict)     # YAML key -> actor id or list of ids
    meeting: str | None = None
    days: int | None = None
    threshold: str | None = None
    was: str | None = None

    def as_yaml(self) -> dict:
        out: dict = {"id": self.id, "type": self.type, "name": self.name,
                     "source": {"unit": self.unit, "quote": self.quote}}
        for key in ("chair", "substitute", "attendees", "owner", "from", "to"):
            if self.roles.get(key):
                out[key] = self.roles[key]
        for key in ("meeting", "days", "threshold"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.schedule:
            out["schedule"] = self.schedule
        out["review"] = "proposed"
        out["rule"] = self.rule
        if self.was:
            out["was"] = self.was
        return out


def slug(text: str) -> str:
    """An id from Vietnamese words: no accents, đ as d, words joined by hyphens."""
    ascii_ = fold(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:60].strip("-") or "du-kien"


def sentences(text: str) -> list[tuple[int, str]]:
    """The sentences (and ;-separated parts) of a clause, with their offsets."""
    plain = normalize(text)
    out, start = [], 0
    for m in _SENTENCE_END.finditer(plain):
        out.append((start, plain[start:m.start()]))
        start = m.end()
    out.append((start, plain[start:]))
    return [(s, t) for s, t in out if t.strip()]


# --------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------

#: The head words of posts and bodies in Vietnamese administrative texts; a name
#: is a head followed by capitalised words (and a few lower-case words that are
#: part of official names: "nhân dân", "tỉnh", "huyện").
POST_HEADS = (
    "Phó Chủ tịch", "Chủ tịch", "Phó Bí thư", "Bí thư", "Phó Chánh Văn phòng", "Chánh Văn phòng",
    "Phó Trưởng phòng", "Trưởng phòng", "Phó Trưởng ban", "Trưởng ban", "Phó Giám đốc", "Giám đốc",
    "Phó Thủ trưởng", "Thủ trưởng", "Phó Chánh", "Chánh", "Ủy viên", "Ban Thường vụ", "Ban Chấp hành",
    "Thường trực", "Tập thể lãnh đạo", "Ủy ban", "Văn phòng", "Phòng", "Ban", "Hội đồng", "Đảng ủy",
    "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Cấp ủy", "Chi bộ", "Đảng đoàn", "Ban cán sự", "Công đoàn",
    "Đoàn Thanh niên", "Sở", "Tổ", "Lãnh đạo")
_LOWER_IN_NAMES = {"nhân", "dân", "tỉnh", "huyện", "thành", "phố", "thị", "xã", "ủy", "uỷ"}
_HEADS = "|".join(sorted((re.escape(h) for h in POST_HEADS), key=len, reverse=True))
_NAME_RAW = re.compile(rf"(?<![\wÀ-ỹ])(?:{_HEADS})(?![\wÀ-ỹ])(?:\s+[\wÀ-ỹ]+)*")


class _Names:
    """Post and body names: a head word, then the words that continue a proper name
    (capitalised, an abbreviation such as UBND, or the lower-case words of official
    names: "Ủy ban nhân dân tỉnh")."""

    @staticmethod
    def _trim(match: re.Match) -> str | None:
        text = match.group(0)
        head = next(h for h in sorted(POST_HEADS, key=len, reverse=True) if text.startswith(h))
        words = [head]
        for word in text[len(head):].split():
            if word[0].isupper() or word in _LOWER_IN_NAMES:
                words.append(word)
            else:
                break
        return " ".join(words)

    def match(self, text: str):
        m = _NAME_RAW.match(text)
        return _Found(self._trim(m), m.start()) if m else None

    def finditer(self, text: str):
        for m in _NAME_RAW.finditer(text):
            yield _Found(self._trim(m), m.start())


@dataclass
class _Found:
    text: str
    pos: int

    def group(self, _=0) -> str:
        return self.text

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos + len(self.text)


NAME = _Names()
#: "Trách nhiệm, quyền hạn của Chánh Văn phòng", "Nhiệm vụ và quyền hạn của Ban Thường vụ".
HEADING = re.compile(r"(?:trách\s+nhiệm|nhiệm\s+vụ|quyền\s+hạn|chức\s+năng|chế\s+độ\s+làm\s+việc|mối\s+quan\s+hệ)"
                     r"[\w\s,À-ỹ]*?\s+(?:của|đối\s+với)\s+(?P<who>.+?)\s*[.:]?$", re.I)
#: "Thành phần … gồm: …", "Thành phần dự giao ban: …".
MEMBERS = re.compile(r"thành\s+phần[^:]{0,60}?(?:gồm|là|:)\s*:?\s*(?P<list>[^.;]+)", re.I)
_KIND_OF = (("individual", ("Chủ tịch", "Bí thư", "Chánh", "Trưởng", "Giám đốc", "Thủ trưởng", "Ủy viên", "Phó")),
            ("collective", ("Ban", "Thường trực", "Tập thể", "Hội đồng", "Đảng ủy", "Tỉnh ủy", "Huyện ủy", "Thành ủy",
                            "Cấp ủy", "Chi bộ", "Ủy ban", "Lãnh đạo", "Đảng đoàn")),
            ("unit", ("Văn phòng", "Phòng", "Sở", "Tổ", "Công đoàn", "Đoàn")))


def _actor_kind(name: str) -> str:
    for kind, heads in _KIND_OF:
        if any(name.startswith(h) for h in heads):
            return kind
    return "external"


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:.()")
    return re.sub(r"\s+(?:và|hoặc|các|có|là)$", "", name)


def propose_actors(reg: Regulation) -> list[ProposedActor]:
    """Posts and bodies a text names in headings, member lists and clause subjects,
    that are not yet actors of the regulation."""
    known = {fold(n).lower() for a in (*reg.actors, *reg.proposed_actors) for n in a.names}
    found: dict[str, ProposedActor] = {}

    def add(name: str, rule: str) -> None:
        name = _clean_name(name)
        key = fold(name).lower()
        if len(name.split()) < 2 or key in known or key in found or len(name.split()) > 9:
            return
        found[key] = ProposedActor(slug(name), name, _actor_kind(name), rule)

    for unit in reg.walk():
        if not unit.normative or not unit.text:
            continue
        text = normalize(unit.text)
        if unit.kind == "dieu":
            m = HEADING.search(unit.heading)
            if m:
                for part in re.split(r",\s*|\s+và\s+", m.group("who")):
                    if NAME.match(part.strip()):
                        add(NAME.match(part.strip()).group(0), "actor:heading")
        for m in MEMBERS.finditer(text):
            for part in re.split(r",\s*|\s+và\s+|;\s*", m.group("list")):
                n = NAME.match(part.strip())
                if n:
                    add(n.group(0), "actor:members")
        for _, sentence in sentences(text):
            label = re.match(r"^(?:\(?\w{1,4}[.)/]-?\s+|[-–•+]\s*)", sentence)
            body = sentence[label.end():] if label else sentence
            n = NAME.match(body)
            if n and re.match(r"\s+(?:có trách nhiệm|chịu trách nhiệm|chủ trì|báo cáo|quyết định|"
                              r"chỉ đạo|thực hiện|tổ chức|họp|xây dựng|gửi|trình|tham mưu|phụ trách|tổng hợp)",
                              body[n.end():]):
                add(n.group(0), "actor:subject")
            # In a sentence that states a time, who sends, receives or chairs is named after
            # a verb or a preposition ("gửi báo cáo quý về Văn phòng Sở", "do Giám đốc chủ trì").
            if any(r.kind in FACT_READINGS for r in read(sentence)):
                for m in NAME.finditer(sentence):
                    if re.search(r"(?:về|với|cho|lên|đến|tới|trước|do|gửi|trình|báo\s+cáo)\s+$", sentence[:m.start()]):
                        add(m.group(0), "actor:named")
    out = list(found.values())
    ids: set[str] = {a.id for a in (*reg.actors, *reg.proposed_actors)}
    for actor in out:
        base, n = actor.id, 2
        while actor.id in ids:
            actor.id, n = f"{base}-{n}", n + 1
        ids.add(actor.id)
    return out


# --------------------------------------------------------------------------
# Roles of the actors a sentence names
# --------------------------------------------------------------------------

_CHAIR_AFTER = re.compile(r"^\s*(?:là\s+người\s+|sẽ\s+|trực\s+tiếp\s+)?(?:chủ\s+trì|triệu\s+tập\s+và\s+chủ\s+trì|điều\s+hành)")
_CHAIR_BEFORE = re.compile(r"(?:\bdo|giao\s+cho)\s+(?:đồng\s+chí\s+)?$")
_SUBSTITUTE_BEFORE = re.compile(r"(?:ủy\s+quyền|uỷ\s+quyền|ủy\s+nhiệm|phân\s+công)(?:\s+cho)?\s+(?:một\s+)?$")
_RECIPIENT = re.compile(r"\b(?:báo\s+cáo|gửi|trình|xin\s+ý\s+kiến|phản\s+ánh)(?:\s+[\wÀ-ỹ]+){0,6}?\s+(?:với|cho|lên|về|đến|tới|trước)\s+$"
                        r"|\b(?:gửi|trình|báo\s+cáo)\s+(?:về\s+)?$|\b(?:báo\s+cáo\s+(?:với|cho|lên)|cho|với)\s+$")
_MEMBERS_BEFORE = re.compile(r"thành\s+phần|gồm|tham\s+dự|dự\s+họp|mời")


def roles(reg: Regulation, sentence: str, kind: str, heading_actor: Actor | None) -> tuple[dict, list[str]]:
    """Who chairs, attends, sends, receives or owns, from where the sentence names them."""
    actors = (*reg.actors, *reg.proposed_actors)
    found = mentions(actors, sentence)
    low = normalize(sentence).lower()
    out: dict = {}
    rules: list[str] = []
    chair = substitute = None
    attendees, receivers, subjects = [], [], []
    for start, end, actor in found:
        before, after = low[max(0, start - 40):start], low[end:end + 40]
        if _SUBSTITUTE_BEFORE.search(before):
            substitute = substitute or actor.id
        elif _CHAIR_AFTER.match(after) or (_CHAIR_BEFORE.search(before) and re.match(r"^\s*(?:\S+\s+){0,3}?(?:chủ\s+trì|triệu\s+tập)", after)):
            chair = chair or actor.id
        elif _RECIPIENT.search(low[max(0, start - 60):start]) or (receivers and low[receivers[-1][1]:start].strip() in (",", "và", "hoặc", ", và")):
            receivers.append((actor.id, end))
        elif _MEMBERS_BEFORE.search(low[:start]):
            attendees.append(actor.id)
        else:
            subjects.append(actor.id)
    receivers_ids = list(dict.fromkeys(a for a, _ in receivers))
    subject = subjects[0] if subjects else None
    if subject is None and heading_actor is not None and heading_actor.id not in receivers_ids:
        subject = heading_actor.id
        rules.append("actor:heading")
    if kind in ("meeting", "working_session"):
        if chair:
            out["chair"] = chair
            rules.append("actor:chair")
        elif subject:
            out["owner"] = subject
        if substitute:
            out["substitute"] = substitute
        members = [a for a in attendees + subjects[1:] if a not in (chair, substitute, out.get("owner"))]
        if members:
            out["attendees"] = list(dict.fromkeys(members))
    elif kind in ("report", "plan_submission"):
        if subject:
            out["from"] = [subject]
        if receivers_ids:
            out["to"] = receivers_ids
            rules.append("actor:recipient")
    elif kind == "duty":
        if subject or chair:
            out["owner"] = subject or chair
    if subject and subject != (heading_actor.id if heading_actor else None):
        rules.append("actor:subject")
    return out, rules


def _heading_actor(reg: Regulation, unit: Unit) -> Actor | None:
    """The post an article is about ("Điều 4. Trách nhiệm … của Chánh Văn phòng")."""
    for ancestor in reversed(reg.ancestors(unit.id) + [unit]):
        if ancestor.kind not in ("dieu", "muc", "khoan", "tieu_khoan", "phan"):
            continue
        title = ancestor.heading
        m = HEADING.search(title)
        found = mentions((*reg.actors, *reg.proposed_actors), m.group("who") if m else title)
        if found:
            return found[0][2]
    return None


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------

_NAME_STOP = re.compile(r"\s(?:được|do|đến|tới|tổ\s+chức|mỗi|định\s+kỳ|vào|theo|để|thường\s+lệ|một|khi|phải|có|của\s+các|gửi|trước|chậm|trong|từ|ít)\s|[,;:(]")


def _name(sentence: str, kind: str, roles_: dict, reg: Regulation) -> str:
    row = fact_types.TYPES[kind]
    m = row.cue.search(sentence) if kind != "duty" else None
    start = m.start() if m else 0
    head = sentence[start:]
    head = re.sub(r"^(?:\(?\w{1,4}[.)/]-?\s+|[-–•+]\s*)", "", head)
    stop = _NAME_STOP.search(" " + head[1:] + " ")
    name = head[:stop.start()] if stop else head
    words = name.split()[:9]
    name = " ".join(words).strip(" .,;:")
    who = roles_.get("chair") or roles_.get("owner") or (roles_.get("from") or [None])[0]
    if len(words) <= 2 and who:
        try:
            name = f"{name} {reg.actor(who).name}".strip()
        except KeyError:
            pass
    if not name:
        name = " ".join(sentence.split()[:8])
    return name[0].upper() + name[1:]


def _article(reg: Regulation, unit_id: str) -> str | None:
    return next((u.id for u in reg.ancestors(unit_id) if u.kind in ("dieu", "muc")), None) if reg.has_unit(unit_id) else None


#: Words every meeting's name may hold: they tell no meeting from another.
_MEETING_WORDS = {"hop", "hoi", "nghi", "cuoc", "phien", "ky", "ngay", "truoc", "khi", "cua", "va", "phai", "co",
                  "duoc", "thi", "doi", "voi"}


def _meeting_score(reg: Regulation, text: str, name: str) -> float:
    """How surely ``text`` speaks of the meeting called ``name``: the bodies both name
    (by any of their names: "hội nghị Tỉnh ủy" is the Ban Chấp hành's meeting) count
    twice, then the other words they share."""
    bodies = {a.id for _, _, a in mentions(reg.actors, text)} & {a.id for _, _, a in mentions(reg.actors, name)}
    words = (set(fold(text).lower().split()) - _MEETING_WORDS) & (set(fold(name).lower().split()) - _MEETING_WORDS)
    return 2 * len(bodies) + len(words)


def _meeting_for(reg: Regulation, sentence: str, meetings: list, unit_id: str, least: float = 0) -> str | None:
    """The meeting a lead time or a vote rule is about: the one ``sentence`` speaks of
    most surely, a meeting of the same article first."""
    here = _article(reg, unit_id)
    best, score = None, least
    for fact_id, name, where in meetings:
        overlap = _meeting_score(reg, sentence, name)
        overlap += 0.5 if overlap and here and _article(reg, where) == here else 0
        if overlap > score:
            best, score = fact_id, overlap
    return best


def _meetings_named(reg: Regulation, subject: str, meetings: list, unit_id: str) -> list[str]:
    """The meetings a rule's subject coordinates ("Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy
    phải có …"), when each of its conjuncts names a different one; else none."""
    clause = re.split(r"[.;:]\s", subject)[-1]
    conjuncts = [c for c in _CONJUNCTION.split(clause) if c.strip()]
    if len(conjuncts) < 2:
        return []
    found = []
    for conjunct in conjuncts:
        best = _meeting_for(reg, conjunct, meetings, unit_id, least=1.5)
        if best is None or best in found:
            return []
        found.append(best)
    return found


def _free_id(base: str, taken: set[str]) -> str:
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _has_dates(reg: Regulation, fact_id: str, proposed: dict[str, ProposedFact]) -> bool:
    if fact_id in proposed:
        sched = proposed[fact_id].schedule or {}
        return sched.get("kind") in ("rrule", "relative")
    try:
        sched = reg.fact(fact_id).schedule
    except KeyError:
        return False
    return bool(sched and sched.kind in ("rrule", "relative"))


def _without(sentence: str, readings: list[Reading]) -> str:
    """The sentence with its time expressions blanked: "Sau họp giao ban, … thông báo
    kết luận" is about a notice, not a meeting."""
    chars = list(sentence)
    for r in readings:
        # "báo cáo quý" names the report as well as its period: keep those words.
        if r.kind in ("lead", "rrule", "frequency", "window") and r.rule != "period-noun":
            chars[r.start:r.end] = " " * (r.end - r.start)
    return "".join(chars)


def _kind_from_headings(reg: Regulation, unit: Unit, kinds: set[str]) -> tuple[str, str | None]:
    """A sentence with no subject of its own ("Thời gian tổ chức vào các ngày thứ Sáu …")
    takes the type its headings name ("5.1. Họp giao ban Văn phòng"), and the heading
    to name it by."""
    for ancestor in reversed(reg.ancestors(unit.id)):
        title = ancestor.heading if ancestor.kind in ("dieu", "muc", "phan") else normalize(ancestor.text)[:80]
        kind = fact_types.guess(title, kinds)
        if kind != "duty":
            return kind, title
    return "duty", None


def candidate_units(reg: Regulation) -> list[Unit]:
    """Normative units that state a time and that no fact (reviewed or proposed) cites
    or a waiver covers."""
    cited = {s.unit for f in (*reg.facts, *reg.proposals) for s in f.sources}
    waived = {w.unit for w in reg.waivers}
    out = []
    for unit in reg.walk():
        if not unit.normative or not unit.text or unit.id in cited or unit.id in waived:
            continue
        if schedule_expressions(unit.text) or any(r.kind in FACT_READINGS for r in read(unit.text)):
            out.append(unit)
    return out


#: "… trước kỳ họp 03 ngày đối với hội nghị Tỉnh ủy và trước 02 ngày đối với hội nghị
#: Ban Thường vụ": each time is said of what follows it. The phrase after a time names
#: what that time applies to.
_APPLIES_TO = re.compile(r"^[\s,]*(?:[\wÀ-ỹ]+\s+){0,3}?(?:đối\s+với|với|riêng)\s+(?P<what>[^,;.()]+?)(?=\s+(?:và|còn)\s|[,;.()]|$)", re.I)
_WITH_AT_END = re.compile(r"(?:đối\s+với|với|riêng)\s*$", re.I)


def _applies_to(sentence: str, reading: Reading) -> re.Match | None:
    """What the time ``reading`` applies to, said right after it; the reading may have
    taken "đối với" into its anchor ("03 ngày trước phiên họp đối với")."""
    own = _WITH_AT_END.search(sentence[reading.start:reading.end])
    return _APPLIES_TO.match((own.group(0) if own else "") + " " + sentence[reading.end:])


_CONJUNCTION = re.compile(r",\s+|\s+(?:và|còn)\s+", re.I)


@dataclass(frozen=True)
class Part:
    """One item of a sentence, with the words it shares with the item before it: a
    distributive list's later items ("và trước 02 ngày đối với …") lack the subject
    ("Văn phòng gửi giấy mời …") that says what they are."""
    text: str
    context: str = ""
    applies_to: str | None = None   # "hội nghị Ban Thường vụ Tỉnh ủy"


def parts(sentence: str) -> list[str]:
    """A sentence that lists several items, each with its own time ("báo cáo quý gửi
    trước ngày 20 tháng cuối quý, báo cáo 06 tháng gửi trước ngày 15/6, …"), cut at
    the comma before each item after the first."""
    return [p.text for p in items(sentence)]


def items(sentence: str) -> list[Part]:
    """:func:`parts`, each with the subject it shares and what its time applies to."""
    timed = [r for r in read(sentence) if r.kind in FACT_READINGS]
    cuts = []   # (end of an item, start of the next, whether the next shares the subject)
    for previous, reading in zip(timed, timed[1:]):
        between = sentence[previous.end:reading.start]
        # A distributive list: each time followed by what it applies to.
        first, second = _applies_to(sentence, previous), _applies_to(sentence, reading)
        if first and second:
            # the conjunction after what the first time applies to starts the next item
            what_end = sentence.find(first.group("what"), previous.start) + len(first.group("what"))
            joint = list(_CONJUNCTION.finditer(sentence, what_end, reading.start))
            if joint:
                cuts.append((joint[0].start(), joint[0].end(), True))
                continue
        # An item starts after a comma or a semicolon, or opens a parenthesis: "… báo cáo
        # với Ban Thường vụ … (riêng lực lượng vũ trang tỉnh duy trì chế độ báo cáo tuần …)".
        comma = max(between.rfind(", "), between.rfind("; "), between.rfind(" ("))
        if comma < 0:
            continue
        # A share after a cadence is a rule of its own ("họp ba tháng một lần, khi có trên
        # 1/2 Ủy viên đề nghị thì … triệu tập hội nghị đột xuất"): cut at the comma before
        # the condition.
        if (reading.kind == "threshold") != (previous.kind == "threshold"):
            cuts.append((previous.end + comma, previous.end + comma + 2, False))
            continue
        # A new item starts only where it names its own subject ("…, báo cáo quý gửi
        # trước ngày 20"); "mỗi tháng một lần, vào ngày 25" is one item.
        item = sentence[previous.end + comma + 2:reading.end]
        if any(row.cue.search(item) for row in fact_types.TABLE if row.key != "duty" and not row.needs):
            cuts.append((previous.end + comma, previous.end + comma + 2, False))
    out, start, context, listed = [], 0, "", set()
    for end, next_start, shared in cuts:
        out.append(Part(sentence[start:end], context))
        if shared:
            listed |= {len(out) - 1, len(out)}
            # the subject of the list: what comes before the first item's time
            first_time = next((r.start for r in timed if r.start >= start), end)
            context = context or sentence[start:first_time]
        else:
            context = ""
        start = next_start
    out.append(Part(sentence[start:], context))
    found = []
    for i, part in enumerate(out):
        if not part.text.strip():
            continue
        if i not in listed:
            found.append(part)
            continue
        times = [r for r in read(part.text) if r.kind in FACT_READINGS and r.kind != "periods"]
        what = _applies_to(part.text, times[-1]) if times else None
        found.append(Part(part.text, part.context, what.group("what").strip() if what else None))
    return found


def propose_facts(reg: Regulation, units: list[Unit] | None = None) -> list[ProposedFact]:
    units = candidate_units(reg) if units is None else units
    taken = {f.id for f in (*reg.facts, *reg.proposals)}
    meetings = [(f.id, f.name, f.source.unit) for f in (*reg.facts, *reg.proposals)
                if f.type in ("meeting", "working_session")]
    proposed: dict[str, ProposedFact] = {}
    pending_links: list[tuple[ProposedFact, str, Reading]] = []
    for unit in units:
        text = normalize(unit.text)
        heading_actor = _heading_actor(reg, unit)
        for part in (part for _, whole in sentences(text) for part in items(whole)):
            sentence = part.text
            readings = read(sentence)
            kinds = {r.kind for r in readings} & FACT_READINGS
            if not kinds:
                continue
            # A later item of a distributive list is read with the list's subject.
            said = f"{part.context} {_without(sentence, readings)}" if part.context else _without(sentence, readings)
            kind, heading = fact_types.guess(said, kinds), None
            if kind == "duty":
                kind, heading = _kind_from_headings(reg, unit, kinds)
            roles_, rules = roles(reg, f"{part.context} {sentence}" if part.context else sentence, kind, heading_actor)
            schedule = schedule_of(sentence, readings)
            name = _name(heading or (part.context or sentence), kind, roles_, reg)
            if part.applies_to:
                name = f"{name} ({part.applies_to})"
                rules.append("item:applies-to")
            fact = ProposedFact(id="", type=kind, name=name, unit=unit.id,
                                quote=sentence.strip(), rule="", roles=roles_)
            rules = [f"type:{kind}"] + list(dict.fromkeys((schedule.rules if schedule else ()))) + rules
            threshold = next((r for r in readings if r.kind == "threshold"), None)
            lead = next((r for r in readings if r.kind == "lead" and r.offset_days), None)
            if kind in ("vote_threshold", "quorum") and threshold:
                fact.threshold = threshold.span
                fact.schedule = None
            elif kind == "lead_time" and lead:
                fact.days = abs(lead.offset_days)
                fact.schedule = None
                pending_links.append((fact, part.applies_to or sentence, lead))
            elif schedule and schedule.kind == "relative":
                pending_links.append((fact, sentence, lead or next(r for r in readings if r.kind == "lead")))
                fact.schedule = schedule.as_yaml()
            elif schedule:
                fact.schedule = schedule.as_yaml()
            if kind in ("vote_threshold", "quorum"):
                pending_links.append((fact, sentence, threshold))
            fact.rule = " ".join(rules)
            fact.id = _free_id(slug(fact.name), taken)
            taken.add(fact.id)
            proposed[fact.id] = fact
            if kind in ("meeting", "working_session"):
                meetings.append((fact.id, fact.name, fact.unit))
    for fact, sentence, reading in pending_links:
        meeting = _meeting_for(reg, sentence, [m for m in meetings if m[0] != fact.id], fact.unit)
        if fact.type in ("lead_time", "vote_threshold", "quorum"):
            fact.meeting = meeting
            named = _meetings_named(reg, sentence[:reading.start] if reading else "", meetings, fact.unit)
            if len(named) > 1:
                # "Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có ít nhất 2/3 …": one rule per meeting.
                fact.meeting = named[0]
                for other in named[1:]:
                    twin = replace(fact, id=_free_id(f"{fact.id}-{slug(other)}", taken), meeting=other,
                                   rule=f"{fact.rule} subject:coordinated", roles=dict(fact.roles))
                    taken.add(twin.id)
                    proposed[twin.id] = twin
                fact.rule += " subject:coordinated"
            continue
        if meeting and _has_dates(reg, meeting, proposed):
            fact.schedule["relative_to"] = meeting
            fact.schedule.setdefault("offset_days", reading.offset_days or 0)
        else:
            # Nothing to count from: keep the words, without dates.
            fact.schedule = {"kind": "occasional", "words": fact.schedule["words"],
                             **({"hedges": fact.schedule["hedges"]} if fact.schedule.get("hedges") else {})}
            fact.rule += " relative:unresolved"
    return list(proposed.values())
