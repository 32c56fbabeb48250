"""PhraseSet (extract/text.py) against spaCy's PhraseMatcher on the same job:
every match of the counter-noun list over the dev and seed articles' words.
Prints the matches each found and the time each took; run from the repo root:

    python bench/phrases.py
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from vnstats import patterns
from vnstats.extract.text import Parsed, PhraseSet

REPO = Path(__file__).resolve().parent.parent
FOLDERS = [REPO.parent / "shared" / "corpus" / "dev", REPO.parent / "shared" / "corpus" / "seeds"]
ROUNDS = 20


def main() -> None:
    words = [w.lower() for w in patterns.load().counters]
    texts = [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
    parsed = [Parsed.of(t) for t in texts]
    tokens = sum(len(p.tokens) for p in parsed)

    phrase_set = PhraseSet(words)
    start = time.perf_counter()
    for _ in range(ROUNDS):
        ours = sum(1 for p in parsed for i in range(len(p.tokens)) if phrase_set.match_at(p.tokens, i))
    ours_s = (time.perf_counter() - start) / ROUNDS

    vocab = spacy.blank("xx").vocab   # with its lexical attributes: LOWER is set
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("COUNTER", [Doc(vocab, words=w.split()) for w in words])
    docs = [Doc(vocab, words=[t.text for t in p.tokens]) for p in parsed]
    start = time.perf_counter()
    for _ in range(ROUNDS):
        theirs = sum(len({s for _, s, _ in matcher(doc)}) for doc in docs)
    theirs_s = (time.perf_counter() - start) / ROUNDS
    start = time.perf_counter()
    for _ in range(ROUNDS):
        docs = [Doc(vocab, words=[t.text for t in p.tokens]) for p in parsed]
    build_s = (time.perf_counter() - start) / ROUNDS

    print(f"{len(texts)} articles, {tokens:,} tokens, {len(words)} phrases")
    print(f"PhraseSet.match_at at every token: {ours:,} starts, {ours_s * 1000:.1f} ms")
    print(f"PhraseMatcher over Docs:           {theirs:,} starts, {theirs_s * 1000:.1f} ms "
          f"(+ {build_s * 1000:.1f} ms to build the Docs)")


if __name__ == "__main__":
    main()
