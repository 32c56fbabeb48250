"""vnstats as a spaCy pipeline: ``vnstats.nlp()``.

The tokenizer cleans the page as ``vnstats ingest`` does (chrome out, NFC,
the header read), so a ``Doc``'s text is the article's text and every offset
the extractors give lands on it. The stages are spaCy components registered
with ``@Language.factory``: ``vnstats_sentences``, ``vnstats_figures``,
``vnstats_dates``, ``vnstats_localities``, ``vnstats_officials``,
``vnstats_documents``. Each puts its mentions in ``doc.spans[kind]`` with the
normalized values in ``span._.vnstats`` (a dict); ``doc.ents`` holds the
non-overlapping ones. ``displacy.render(doc, style="span",
options={"spans_key": "figures"})`` shows them.

The extraction itself runs once per document (in the first stage that needs
it) and is kept in ``doc.user_data``; the stages only turn its records into
spans, so the Doc holds exactly the mentions ``vnstats ingest`` stores.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[.,/][\p{N}]+)*|\s|\S")
KINDS = ("figures", "dates", "localities", "officials", "documents")
ENT_LABELS = {"figures": "QUANTITY", "dates": "DATE", "localities": "LOC", "officials": "PER",
              "documents": "DOC"}

if not Span.has_extension("vnstats"):
    Span.set_extension("vnstats", default=None)


class CleaningTokenizer:
    """Text → Doc of the cleaned article (corpus.clean.build_article); numbers
    written with dots and commas ("1.200", "65,67") stay one token, and the
    Doc's text is the article's, character for character."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from vnstats.corpus.clean import build_article

        article = build_article("<doc>", "doc", text)
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN.finditer(article.text):
            token = m.group()
            if token == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(token)
                spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["vnstats_article"] = article
        return doc


@registry.tokenizers("vnstats.CleaningTokenizer.v1")
def create_tokenizer():
    def make(nlp: Language) -> CleaningTokenizer:
        return CleaningTokenizer(nlp.vocab)

    return make


def _extraction(doc: Doc):
    found = doc.user_data.get("vnstats_extraction")
    if found is None:
        from vnstats.extract import extract_article

        found = extract_article(doc.user_data["vnstats_article"])
        doc.user_data["vnstats_extraction"] = found
    return found


def _span(doc: Doc, start: int, end: int, label: str, values: dict) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        span._.vnstats = values
    return span


def _spans_of(doc: Doc, kind: str) -> list[Span]:
    from vnstats.extract.gazetteer import load

    found = _extraction(doc)
    label = ENT_LABELS[kind]
    out = []
    if kind == "figures":
        for sf, link in zip(found.figures, found.links):
            f = sf.figure
            out.append(_span(doc, f.start, f.end, label, {
                "value": f.value, "kind": f.kind, "unit": f.unit, "total": f.total, "qualifier": f.qualifier,
                "subject": f.subject, "change": f.change, "compared_to": f.compared_to,
                "where": load().units[link.locality_id].name if link.locality_id else None,
                "when": (link.date_start, link.date_end) if link.date_start else None}))
    elif kind == "dates":
        out = [_span(doc, d.start, d.end, label, {"start": d.date_start, "end": d.date_end}) for _, d in found.dates]
    elif kind == "localities":
        units = load().units
        for _, m in found.localities:
            unit = units.get(m.unit_id) if m.unit_id else None
            out.append(_span(doc, m.start, m.end, label, {"name": unit.name if unit else None, "level": m.level,
                                                          "code": unit.code if unit else None}))
    elif kind == "officials":
        out = [_span(doc, o.start, o.end, label, {"name": o.name, "titles": [t.text for t in o.titles]})
               for _, o in found.officials]
    else:
        out = [_span(doc, d.start, d.end, label, {"type": d.type, "number": d.number, "date": d.date})
               for _, d in found.documents]
    return [s for s in out if s is not None]


class _Stage:
    def __init__(self, kind: str):
        self.kind = kind

    def __call__(self, doc: Doc) -> Doc:
        spans = _spans_of(doc, self.kind)
        doc.spans[self.kind] = spans
        doc.ents = filter_spans(list(doc.ents) + spans)
        if all(kind in doc.spans for kind in KINDS):
            # every stage has run: the records are in the spans; what is left
            # must serialize (nlp.pipe with processes sends Docs as bytes)
            doc.user_data.pop("vnstats_extraction", None)
            doc.user_data.pop("vnstats_article", None)
        return doc


class _Sentences:
    def __call__(self, doc: Doc) -> Doc:
        starts = {s.start for s in doc.user_data["vnstats_article"].sentences}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


@Language.factory("vnstats_sentences")
def make_sentences(nlp: Language, name: str):
    return _Sentences()


for _kind in KINDS:
    Language.factory(f"vnstats_{_kind}", func=lambda nlp, name, kind=_kind: _Stage(kind))


def nlp() -> Language:
    """A spaCy pipeline of the vnstats stages over a blank Vietnamese language."""
    import spacy

    language = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnstats.CleaningTokenizer.v1"}}})
    language.add_pipe("vnstats_sentences")
    for kind in KINDS:
        language.add_pipe(f"vnstats_{kind}")
    return language
