"""Changes: whether a figure is an amount by which something rose or fell, and
what it is measured against (word lists in ``patterns/changes.toml``).

- change ``up``/``down``: a change verb right before the figure ("tăng 6,2%",
  "giảm được 5 cấp trưởng", "cao hơn 1,03%"), a growth rate tied to its figure
  by a link verb ("tốc độ tăng trưởng ước đạt 13,45%"; "tăng trưởng âm 1,5%"
  is down), "vượt" with a base after it ("vượt 0,2% so với kế hoạch"), or the
  change of the list the figure continues ("Bình Phước tăng trưởng 7,1%; Tây
  Ninh 6,4%").
- compared_to ``plan``: a plan, estimate or target right after the figure
  ("đạt 102% kế hoạch", "bằng 52,4% so với dự toán"); ``previous``: an earlier
  value after it ("bằng 98% so với cùng kỳ", "so với năm 2019"), and every
  change that names no plan.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vnstats import patterns
from vnstats.extract.text import Parsed, PhraseSet, Token

if TYPE_CHECKING:
    from vnstats.extract.mentions import Candidate, Span

# punctuation that ends the clause a growth word must share with its figure
_CLAUSE_ENDS = frozenset(",;:.!?")


@dataclass(frozen=True)
class Change:
    change: str | None        # up, down
    compared_to: str | None   # plan, previous
    negative: bool = False    # "âm 1,5%" with no change verb: the value is below zero


@dataclass(frozen=True)
class _Words:
    up: PhraseSet
    down: PhraseSet
    over: PhraseSet
    between: PhraseSet
    growth: PhraseSet
    negative: PhraseSet
    connectors: PhraseSet
    plan: PhraseSet
    previous: PhraseSet
    separators: frozenset[str]
    list_words: PhraseSet
    sign_up: frozenset[str]
    sign_down: frozenset[str]
    lead_openers: PhraseSet
    bracket_leads: PhraseSet


@functools.cache
def _words() -> _Words:
    p = patterns.load()
    c = p.changes
    return _Words(
        up=PhraseSet(c["change_verbs"]["up"]),
        down=PhraseSet(c["change_verbs"]["down"]),
        over=PhraseSet(c["change_verbs"]["over"]),
        between=PhraseSet(c["between"]["words"]),
        growth=PhraseSet(c["growth"]["words"]),
        negative=PhraseSet(c["growth"]["negative"]),
        connectors=PhraseSet(c["bases"]["connectors"]),
        plan=PhraseSet(c["bases"]["plan"]),
        previous=PhraseSet(c["bases"]["previous"]),
        separators=frozenset(c["list_items"]["separators"]),
        list_words=PhraseSet(c["list_items"]["words"]),
        sign_up=frozenset(c["signs"]["up"]),
        sign_down=frozenset(c["signs"]["down"]),
        lead_openers=PhraseSet(c["lead_bases"]["openers"]),
        bracket_leads=PhraseSet(c["bracket_leads"]["words"]),
    )


def _verb_before(t: tuple[Token, ...], first: int, w: _Words) -> str | None:
    """"up", "down" or "over" for a change verb right before token ``first``."""
    end = first
    while True:
        for name, phrases in (("down", w.down), ("up", w.up), ("over", w.over)):
            if phrases.match_before(t, end):
                return name
        size = w.between.match_before(t, end)   # "tăng bình quân 7%", "có thêm 4 xã"
        if not size:
            return None
        end -= size


def _plan_between(t: tuple[Token, ...], first: int, w: _Words) -> int:
    """The size of a plan named between a comparative and its figure
    ("thấp hơn kế hoạch đề ra khoảng 7%"), else 0."""
    size = w.plan.match_before(t, first)
    return size if size and (w.down.match_before(t, first - size) or w.up.match_before(t, first - size)
                             or w.over.match_before(t, first - size)) else 0


def _base_after(t: tuple[Token, ...], after: int, w: _Words) -> str | None:
    """"plan" or "previous" for what is named right after the figure."""
    i = after
    connector = w.connectors.match_at(t, i)
    i += connector
    if w.plan.match_at(t, i):
        return "plan"
    if w.previous.match_at(t, i):
        return "previous"
    if connector and t[after].lower == "so" and i < len(t) and not t[i].is_punct:
        return "previous"   # "so với năm 2019", "so với 2020"
    return None


def _after_counted(t: tuple[Token, ...], after: int, w: _Words) -> int:
    """The token after what a share counts ("99% số lớp so với …" → "so"),
    ``after`` itself where no "số …" follows the figure."""
    if after >= len(t) or t[after].lower != "số":
        return after
    i = after + 1
    while i < len(t) and i - after <= COUNTED_WORDS and t[i].is_word and not w.connectors.match_at(t, i):
        i += 1
    return i


# words a share's "số …" may run to before its base ("số học sinh"); a longer
# run is a clause of its own ("số hộ dùng nước sạch so với năm 2020 tăng 5%")
COUNTED_WORDS = 2


def _only_counted_then_comma(t: tuple[Token, ...], after: int, first: int, w: _Words) -> bool:
    """Between two shares, only what the first counts and a comma: "103,6% số trường, 99,7%"."""
    i = _after_counted(t, after, w)
    while i < first and t[i].text in (",", "và"):
        i += 1
    return i == first and first > after


def _bracket_before(t: tuple[Token, ...], first: int, w: _Words) -> int | None:
    """The "(" the figure at ``first`` opens, with only words that name its
    relation to the figure before between: "(2,2 tạ/ha)", "(tỷ lệ 21,6%)"."""
    i = first - w.bracket_leads.match_before(t, first)
    return i - 1 if i >= 1 and t[i - 1].text == "(" else None


def _growth_rate(t: tuple[Token, ...], c: Candidate, w: _Words) -> str | None:
    """A percentage whose clause names a growth rate before it, no other figure between."""
    if c.kind != "percent":
        return None
    depth, i = 0, c.first - 1
    while i >= 0:
        token = t[i]
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (token.text in _CLAUSE_ENDS or token.is_number):
            break
        elif depth == 0 and token.is_word and w.growth.match_at(t, i):
            return "up"
        i -= 1
    return None


def _item_start(t: tuple[Token, ...], first: int, w: _Words) -> int:
    """Where the list item of the figure at ``first`` starts: back over the
    capitalized names and list words that key it ("; Tây Ninh 6,4%")."""
    i = first
    while i > 0:
        token = t[i - 1]
        if size := w.list_words.match_before(t, i):
            i -= size
        elif token.is_word and token.text[0].isupper():
            i -= 1
        else:
            break
    return i


def _continues_list(t: tuple[Token, ...], previous: Candidate, previous_end: int, c: Candidate,
                    w: _Words) -> bool:
    """True if the figure is the next item of the previous figure's list: only
    separators and item keys stand between them, or (same kind and unit) the
    item opens right after a separator: "4 xã đạt chuẩn …, 6 xã đạt chuẩn …"."""
    start = _item_start(t, c.first, w)
    if start == 0 or t[start - 1].lower not in w.separators:
        return False
    if previous.kind == c.kind and previous.unit == c.unit and start - 1 >= previous.after:
        return True
    i = previous_end
    while i < start:
        if t[i].lower not in w.separators:
            return False
        i += 1
    return True


def _sign(t: tuple[Token, ...], first: int, w: _Words) -> str | None:
    """"up" for "+5,2%", "down" for "(-3,4%)": a sign written on the number."""
    if first == 0 or t[first - 1].end != t[first].start:
        return None
    sign = t[first - 1].text
    if sign in w.sign_up:
        return "up"
    if sign in w.sign_down and first >= 2 and t[first - 2].text == "(":
        return "down"   # a bare "-" is a dash more often than a minus
    return None


def _lead_bases(t: tuple[Token, ...], w: _Words) -> list[tuple[int, str]]:
    """"So với kế hoạch, …": (token after the comma, base) for each clause
    that opens with a base."""
    found = []
    for i in range(len(t)):
        if i and t[i - 1].text not in (";", ".", ":"):
            continue
        size = w.lead_openers.match_at(t, i)
        if not size:
            continue
        j = i + size
        while j < len(t) and t[j].text != "," and not t[j].is_number and j - i < 10:
            j += 1
        if j < len(t) and t[j].text == ",":
            base = "plan" if any(w.plan.match_at(t, x) for x in range(i + size, j)) else "previous"
            found.append((j + 1, base))
    return found


def _growth_subject(s: Parsed, span, w: _Words) -> bool:
    """A subject that names a growth rate: "Tốc độ tăng trưởng GDP"."""
    tokens = [tok for tok in s.tokens if span.start <= tok.start and tok.end <= span.end]
    return bool(tokens) and bool(w.growth.match_at(tokens, 0))


def read_changes(s: Parsed, cands: list[Candidate], subjects: list[Span | None]) -> list[Change]:
    """The change and base of each candidate figure of one sentence."""
    w = _words()
    t = s.tokens
    out: list[Change] = []
    leads = _lead_bases(t, w) if any(tok.lower == "so" for tok in t) else []
    for k, c in enumerate(cands):
        negative = bool(w.negative.match_before(t, c.first))
        first = c.first - w.negative.match_before(t, c.first)
        verb = _verb_before(t, first, w) or _verb_before(t, c.number_first, w)   # "cao hơn 1,03%" is one text
        base = _base_after(t, c.after, w) or (_base_after(t, _after_counted(t, c.after, w), w)
                                                if c.kind == "percent" else None)
        if verb is None and (plan := _plan_between(t, first, w)):
            verb, base = _verb_before(t, first - plan, w), base or "plan"
        change = None
        lead = next((b for at, b in reversed(leads) if at <= c.first), None)
        if verb in ("up", "down"):
            change = verb
        elif verb == "over" and base:
            change = "up"
        elif sign := _sign(t, c.number_first, w):
            change = sign
        elif _growth_rate(t, c, w) or (c.kind == "percent" and subjects[k] and _growth_subject(s, subjects[k], w)):
            change = "up"   # "Tốc độ tăng trưởng GDP … năm 2012 đạt 5,7%"
        elif k and out[k - 1].change and (opening := _bracket_before(t, c.first, w)) is not None \
                and cands[k - 1].after <= opening <= cands[k - 1].after + COUNTED_WORDS \
                and all(tok.is_word for tok in t[cands[k - 1].after:opening]):
            # "tăng 3,1% (2,2 tạ/ha)", "tăng 22 vụ (tỷ lệ 21,6%)"
            change, base = out[k - 1].change, base or out[k - 1].compared_to
        if change and not base and lead:
            base = lead   # "So với kế hoạch, diện tích giảm 0,9%"
        if change and negative:
            change, negative = ("down" if change == "up" else "up"), False   # "tăng trưởng âm 1,5%"
        if change is None and k and out[k - 1].change and cands[k - 1].kind == c.kind:
            previous = cands[k - 1]
            previous_end = previous.after
            subject = subjects[k - 1]
            if subject and previous.unit_end is not None and subject.end > t[previous.after - 1].end:
                # the previous figure's subject follows it: "4 xã đạt chuẩn …, 6 xã …"
                previous_end = next((i for i in range(previous.after, len(t)) if t[i].start >= subject.end),
                                    len(t))
            if _continues_list(t, previous, previous_end, c, w):
                change = out[k - 1].change
                base = base or out[k - 1].compared_to
        same = next((j for j in range(k - 1, -1, -1) if cands[j].kind == c.kind), None)
        if not change and not base and same is not None and out[same].compared_to == "plan" \
                and c.first and t[c.first - 1].lower == "đạt" and cands[same].first \
                and t[cands[same].first - 1].lower == "đạt":
            base = "plan"   # "đạt 105% chỉ tiêu được giao; … đạt 50,98%": the list's base goes on
        compared_to = base or ("previous" if change else None)
        out.append(Change(change, compared_to, negative))
    for k in range(len(cands) - 2, -1, -1):
        # "đạt 103,6% số trường, 99,7% số lớp, 100,9% số học sinh so với kế hoạch": the base
        # written after a list of shares measures each of them
        c, nxt = cands[k], cands[k + 1]
        if c.kind == nxt.kind == "percent" and out[k].compared_to is None and out[k + 1].compared_to \
                and not out[k].change and not out[k + 1].change and _only_counted_then_comma(t, c.after, nxt.first, w):
            out[k] = Change(None, out[k + 1].compared_to, out[k].negative)
    for k, c in enumerate(cands):   # the two ends of a range share their change and base: "từ 7 - 10 ngày so với …"
        if c.range_with_previous:
            low, high = out[k - 1], out[k]
            change = low.change or high.change
            base = high.compared_to if high.compared_to and not low.compared_to else low.compared_to or high.compared_to
            out[k - 1] = Change(change, base if change or base else None, low.negative)
            out[k] = Change(change, base if change or base else None, high.negative)
    return out
