"""A benchmark corpus built from the seeds and the samples, so it runs anywhere.

Articles are varied: sentences shuffled across articles, figures altered
(every digit run re-drawn), titles and date lines varied. Nothing is
downloaded.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from vnstats.corpus.clean import build_article
from vnstats.corpus.readers import decode

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO.parent / "shared" / "corpus" / "seeds", REPO / "corpus" / "samples"]
DIGITS = re.compile(r"\d+")


def sentences() -> list[str]:
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
            article = build_article(str(path), path.name, decode(path.read_bytes()))
            found += [s.text for s in article.sentences if len(s.text) > 40]
    if not found:
        raise SystemExit("no source articles: need ../shared/corpus/seeds or corpus/samples")
    return found


def _alter(text: str, rng: random.Random) -> str:
    def redraw(m: re.Match) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return str(rng.randint(2010, 2030))  # keep years years
        return "".join(str(rng.randint(1 if i == 0 and len(digits) > 1 else 0, 9)) for i in range(len(digits)))
    return DIGITS.sub(redraw, text)


def article(rng: random.Random, pool: list[str], index: int) -> str:
    body = [_alter(s, rng) for s in rng.sample(pool, k=min(len(pool), rng.randint(18, 34)))]
    paragraphs, i = [], 0
    while i < len(body):
        n = rng.randint(2, 5)
        paragraphs.append(" ".join(body[i:i + n]))
        i += n
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2025)
    title = _alter(rng.choice(pool)[:90], rng).rstrip(" ,.;:")
    header = [title, f"Ngày đăng {day:02d}/{month:02d}/{year} | {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"]
    return "\n\n".join(header + paragraphs + [f"Phóng viên {index}", "Tin khác", f"Lượt xem: {rng.randint(1, 999)}"])


def write_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` articles to ``folder``; returns their total characters."""
    rng = random.Random(seed)
    pool = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for index in range(count):
        text = article(rng, pool, index)
        (folder / f"bench_{index:06d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars
