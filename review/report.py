"""The review report: one self-contained HTML file showing where extraction went wrong.

Per article: the text with every predicted mention drawn under its words by
spaCy's displacy (span style), labelled with its kind in its colour, gold
mentions that were missed drawn in red beside them,
and tables of extras and attribute mismatches (gold beside predicted). A summary table at the top links to each article.
All article text is escaped: scraped text can hold markup.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from html import escape
from pathlib import Path

import regex
from spacy import displacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from vnstats.corpus.normalize import normalize_text
from vnstats.review.evaluate import Evaluation, change_label, full_value
from vnstats.review.labels import KINDS

COLOURS = {"figures": "#ffe08a", "dates": "#b9e3ff", "localities": "#c8f0c0",
           "officials": "#f5c6ff", "documents": "#ffd0b0"}
MISSED_COLOUR = "#e53935"

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 72rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { background: #ffd6d6; } td.good { background: #dff5dc; }
.text { background: #fafafa; padding: 1rem; border: 1px solid #ddd; }
.text .spans { margin-bottom: .8rem; }
.legend span { padding: 0 .4rem; margin-right: .5rem; border-radius: 3px; }
.legend .missed { background: none; outline: 2px dashed MISSED; }
""".replace("MISSED", MISSED_COLOUR) + "".join(f".legend .{kind} {{ background: {colour}; }}\n" for kind, colour in COLOURS.items())


def _f1_cell(score) -> str:
    if score.tp + score.fp + score.fn == 0:
        return '<td class="num">–</td>'
    css = "good" if score.f1 >= 0.95 else "bad" if score.f1 < 0.8 else ""
    return (f'<td class="num {css}" title="tp {score.tp}, fp {score.fp}, fn {score.fn}">'
            f"{score.f1:.2f}</td>")


def _search_pattern(surface: str) -> regex.Pattern:
    """A gold text as a pattern over the cleaned text: spaces and Đ look-alikes tolerated."""
    surface = " ".join(normalize_text(unicodedata.normalize("NFC", surface)).split())
    return regex.compile(r"\s+".join(regex.escape(part) for part in surface.split(" ")), regex.IGNORECASE)


def _missed_spans(text: str, pairs) -> list[dict]:
    spans = []
    for kind in KINDS:
        for pair in pairs[kind]:
            if pair.gold is not None and pair.pred is None:
                surface = pair.gold.get("text") or pair.gold.get("name")
                if not surface:
                    continue
                match = _search_pattern(surface).search(text)
                if match:
                    spans.append({"kind": kind, "start": match.start(), "end": match.end(),
                                  "label": f"missed {kind[:-1]}: {_describe(kind, pair.gold)}", "missed": True})
    return spans


def _describe(kind: str, item: dict | None) -> str:
    if not item:
        return "—"
    if kind == "figures":
        total = f"/{item['total']}" if item.get("total") is not None else ""
        total = f"/{full_value(item['total'])}" if item.get("total") is not None else ""
        return (f"{item.get('kind')} {full_value(item.get('value'))}{total} {item.get('unit') or ''} · "
                f"{item.get('qualifier', 'exact')} · subject: {item.get('subject') or '—'}"
                + change_label(item.get("change"), item.get("compared_to"))
                + f" · where: {item.get('where') or '—'} · when: {_period(item.get('when'))}")
    if kind == "dates":
        return f"{item.get('start')} – {item.get('end')}"
    if kind == "localities":
        return f"{item.get('name')} ({item.get('level')}, {item.get('province') or '?'})"
    if kind == "officials":
        return f"{item.get('name')}: {'; '.join(item.get('titles') or [])}"
    return f"{item.get('type') or ''} {item.get('number')} {item.get('date') or ''}".strip()


def _period(when: dict | None) -> str:
    if not when or not when.get("start"):
        return "—"
    start, end = when["start"], when.get("end") or when["start"]
    return start if start == end else f"{start} – {end}"


@functools.cache
def _vocab() -> Vocab:
    return Vocab()


WORD = regex.compile(r"\S+")


def _highlighted(text: str, spans: list[dict]) -> str:
    """The text, paragraph by paragraph, with every span drawn under its words
    by spaCy's displacy (span style); overlapping spans are stacked, so a
    missed gold mention shows beside the wrong prediction that covers it.
    Words are the text's own, split at spaces (displacy writes one space
    between words, so finer tokens would print "37 / NQ - HĐND"); a span
    covers every word it touches. Labels are kinds; values are in the tables."""
    out, at = [], 0
    ordered = sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"])))
    for paragraph in text.split("\n"):
        start, end = at, at + len(paragraph)
        at = end + 1
        words = list(WORD.finditer(paragraph))
        if not words:
            continue
        doc = Doc(_vocab(), words=[w.group() for w in words])
        word_starts = [w.start() for w in words]
        drawn, colours = [], {}
        for span in ordered:
            if span["start"] < start or span["end"] > end:
                continue
            first = max(bisect.bisect_right(word_starts, span["start"] - start) - 1, 0)
            last = bisect.bisect_left(word_starts, span["end"] - start)
            label = f"✗ {span['kind']}" if span.get("missed") else span["kind"]
            drawn.append(Span(doc, first, max(last, first + 1), label=label))
            colours[label] = MISSED_COLOUR if span.get("missed") else COLOURS[span["kind"]]
        if not drawn:
            out.append(f'<div class="spans">{escape(paragraph)}</div>')
            continue
        doc.spans["review"] = drawn
        out.append(displacy.render(doc, style="span", options={"spans_key": "review", "colors": colours}))
    return "".join(out)


def _problem_rows(pairs) -> list[str]:
    rows = []
    for kind in KINDS:
        for pair in pairs[kind]:
            if pair.gold is None:
                rows.append(("extra", kind, "—", _describe(kind, pair.pred)))
            elif pair.pred is None:
                rows.append(("missed", kind, _describe(kind, pair.gold), "—"))
            else:
                wrong = [name for name, value in pair.attributes.items() if value < 1.0]
                if wrong:
                    rows.append((f"wrong {', '.join(wrong)}", kind, _describe(kind, pair.gold),
                                 _describe(kind, pair.pred)))
    return [f"<tr><td>{escape(a)}</td><td>{escape(k)}</td><td>{escape(g)}</td><td>{escape(p)}</td></tr>"
            for a, k, g, p in rows]


def render(result: Evaluation) -> str:
    names = sorted(result.scores.articles)
    head = "".join(f"<th>{kind}</th>" for kind in KINDS)
    totals = "".join(_f1_cell(result.totals[kind]) for kind in KINDS)
    summary_rows = [f"<tr><th>all articles</th>{totals}</tr>"]
    for i, name in enumerate(names):
        cells = "".join(_f1_cell(result.scores.articles[name][kind]) for kind in KINDS)
        summary_rows.append(f'<tr><td><a href="#article-{i}">{escape(name)}</a></td>{cells}</tr>')
    attributes = result.attribute_lines(digits=2)
    sections = []
    for i, name in enumerate(names):
        text = result.texts.get(name)
        pairs = result.scores.pairs[name]
        body = (f'<div class="text">{_highlighted(text, result.spans.get(name, []) + _missed_spans(text, pairs))}</div>'
                if text is not None else "<p>No prediction: the article was not ingested.</p>")
        rows = _problem_rows(pairs)
        table = ("<table><tr><th>what</th><th>kind</th><th>gold</th><th>predicted</th></tr>"
                 + "".join(rows) + "</table>") if rows else "<p>No extras, misses or mismatches.</p>"
        predicted = sorted(result.spans.get(name, []), key=lambda s: s["start"])
        read = "".join(f"<tr><td>{escape(s['kind'])}</td><td>{escape(text[s['start']:s['end']])}</td>"
                       f"<td>{escape(s['label'])}</td></tr>" for s in predicted) if text is not None else ""
        sections.append(f'<section id="article-{i}"><h2>{escape(name)}</h2>{body}'
                        f"<details><summary>Extras, misses and mismatches ({len(rows)})</summary>{table}"
                        f"</details><details><summary>Every mention as read ({len(predicted)})</summary>"
                        f"<table><tr><th>kind</th><th>text</th><th>read as</th></tr>{read}</table></details>"
                        f"</section>")
    # the label problems fold below the scores: open them to read them
    problems = (f"<details><summary>Label problems ({len(result.problems)})</summary><ul>"
                + "".join(f"<li>{escape(p)}</li>" for p in result.problems)
                + "</ul></details>") if result.problems else ""
    legend = "".join(f'<span class="{kind}">{kind}</span>' for kind in KINDS)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>vnstats review</title><style>{CSS}</style></head>
<body><h1>vnstats review</h1>
<p class="legend">{legend} <span class="missed">missed gold</span></p>
<table id="summary"><tr><th>article (F1 per kind)</th>{head}</tr>{''.join(summary_rows)}</table>
<p>{'<br>'.join(escape(a) for a in attributes)}</p>
{problems}
{''.join(sections)}
</body></html>
"""


def write_report(result: Evaluation, path: Path) -> None:
    path.write_text(render(result), encoding="utf-8")
