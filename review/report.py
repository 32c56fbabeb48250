"""The review report: one self-contained HTML file showing where extraction went wrong.

Per article: the text with every predicted mention highlighted by kind (its
normalized value on hover and in a note beside it), gold mentions that were
missed marked in the text, and tables of extras and attribute mismatches
(gold beside predicted). A summary table at the top links to each article.
All article text is escaped: scraped text can hold markup.
"""

from __future__ import annotations

import unicodedata
from html import escape
from pathlib import Path

import regex

from vnstats.corpus.normalize import normalize_text
from vnstats.review.evaluate import Evaluation, change_label, full_value
from vnstats.review.labels import KINDS

COLOURS = {"figures": "#ffe08a", "dates": "#b9e3ff", "localities": "#c8f0c0",
           "officials": "#f5c6ff", "documents": "#ffd0b0"}

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 72rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { background: #ffd6d6; } td.good { background: #dff5dc; }
.text { line-height: 1.9; white-space: pre-wrap; background: #fafafa; padding: 1rem; border: 1px solid #ddd; }
mark { border-radius: 3px; padding: 0 2px; }
mark sub { font-size: .65rem; color: #555; margin-left: 2px; }
mark.missed { background: none; outline: 2px dashed #d00; }
.legend span { padding: 0 .4rem; margin-right: .5rem; border-radius: 3px; }
""" + "".join(f"mark.{kind}, .legend .{kind} {{ background: {colour}; }}\n" for kind, colour in COLOURS.items())


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


def _highlighted(text: str, spans: list[dict]) -> str:
    """The text with non-overlapping spans wrapped in <mark>; overlaps keep the first."""
    out, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if span["start"] < cursor:
            continue
        out.append(escape(text[cursor:span["start"]]))
        css = f"{span['kind']} missed" if span.get("missed") else span["kind"]
        note = "✗" if span.get("missed") else escape(span["label"].split(" · ")[0])
        out.append(f'<mark class="{css}" title="{escape(span["label"])}">'
                   f'{escape(text[span["start"]:span["end"]])}<sub>{note}</sub></mark>')
        cursor = span["end"]
    out.append(escape(text[cursor:]))
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
        sections.append(f'<section id="article-{i}"><h2>{escape(name)}</h2>{body}'
                        f"<details><summary>Extras, misses and mismatches ({len(rows)})</summary>{table}"
                        f"</details></section>")
    # the label problems fold below the scores: open them to read them
    problems = (f"<details><summary>Label problems ({len(result.problems)})</summary><ul>"
                + "".join(f"<li>{escape(p)}</li>" for p in result.problems)
                + "</ul></details>") if result.problems else ""
    legend = "".join(f'<span class="{kind}">{kind}</span>' for kind in KINDS)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>vnstats review</title><style>{CSS}</style></head>
<body><h1>vnstats review</h1>
<p class="legend">{legend} <mark class="missed">missed gold</mark></p>
<table id="summary"><tr><th>article (F1 per kind)</th>{head}</tr>{''.join(summary_rows)}</table>
<p>{'<br>'.join(escape(a) for a in attributes)}</p>
{problems}
{''.join(sections)}
</body></html>
"""


def write_report(result: Evaluation, path: Path) -> None:
    path.write_text(render(result), encoding="utf-8")
