"""Shared test fixtures: the seed corpus from ../shared and built articles."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from vnstats.corpus.clean import build_article
from vnstats.corpus.readers import decode

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VNSTATS_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
SEED_LABELS = SHARED / "labels" / "seeds"
SAMPLES = REPO / "corpus" / "samples"


def require_shared() -> None:
    if not SEEDS.is_dir() or not SEED_LABELS.is_dir():
        pytest.fail(f"the seed corpus is missing: expected {SEEDS} and {SEED_LABELS} "
                    "(set VNSTATS_SHARED to the shared folder)")


@functools.cache
def seed_article(name: str):
    require_shared()
    path = SEEDS / name
    return build_article(str(path), path.name, decode(path.read_bytes()))


@functools.cache
def seed_gold(name: str) -> dict:
    require_shared()
    return json.loads((SEED_LABELS / name.replace(".txt", ".json")).read_text(encoding="utf-8"))


def seed_names() -> list[str]:
    if not SEEDS.is_dir():
        return []
    return sorted(p.name for p in SEEDS.glob("*.txt"))
