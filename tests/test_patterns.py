"""Pattern data: the loader rejects what would silently switch a rule off."""

from __future__ import annotations

import shutil

import pytest

from vnstats import patterns
from vnstats.patterns import PatternError, load_from


def test_package_patterns_load():
    p = patterns.load()
    assert "cán bộ" in p.counters


BREAKAGES = [
    ("duplicate-list-entry", "subjects.toml", 'words = ["chiếm",', 'words = ["chiếm", "chiếm",', "duplicate"),
    ("bad-regex", "chrome.toml", "'(?:thống|thông) kê truy cập',", "'(?:thống|thông kê truy cập',", "does not compile"),
    ("unknown-key", "units.toml", "[percent]\n", "[percent]\nwhat = 1\n", "unknown key"),
    ("unknown-table", "qualifiers.toml", "[after]", "[afterwards]", "unknown table"),
    ("empty-list", "subjects.toml", 'words = ["với", "có", "gồm"]', "words = []", "non-empty"),
    ("duplicate-word", "counters.txt", "cán bộ\n", "cán bộ\ncán bộ\n", "duplicate"),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), [b[1:] for b in BREAKAGES],
                         ids=[b[0] for b in BREAKAGES])
def test_broken_pattern_files_fail_loudly(tmp_path, file, old, new, message):
    folder = tmp_path / "patterns"
    shutil.copytree(patterns.HERE, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    text = (folder / file).read_text(encoding="utf-8")
    assert old in text
    (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PatternError, match=message):
        load_from(folder)


def test_every_coordinated_counter_is_a_counter():
    p = patterns.load()
    assert not set(p.coordinated_counters) - set(p.counters)


def test_a_patterns_needed_words_never_hide_a_match():
    """A [[span]] or [[form]] with "needs" is only tried on a sentence holding
    one of those words: on every page of our labeled corpus, each match of
    such a pattern lies in a sentence that holds one, so the cheap test skips
    no sentence the pattern would match."""
    from pathlib import Path

    import regex

    data = patterns.load()
    guarded = [(row["name"], regex.compile(row["pattern"]), row["needs"])
               for row in [*data.not_figures["span"], *data.dates["form"]] if "needs" in row]
    assert len(guarded) >= 40
    pages = sorted((Path(__file__).parent / "data" / "corpus").glob("*/*.txt"))
    assert len(pages) >= 400
    matched = 0
    for page in pages:
        for sentence in page.read_text(encoding="utf-8").splitlines():
            lowered = sentence.lower()
            for name, pattern, needs in guarded:
                if pattern.search(sentence):
                    matched += 1
                    assert any(word in lowered for word in needs), f"{name}: {sentence[:120]}"
    assert matched > 1000
