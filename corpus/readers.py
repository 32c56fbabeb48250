"""Reading inputs: files and folders of ``.txt`` articles.

Yields a ``RawDocument`` per readable article and a ``ReadFailure`` per
input that cannot be read, so one bad file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt",)
SNIFF_BYTES = 8192


class InputError(Exception):
    """An input path the user gave does not exist."""


@dataclass(frozen=True)
class RawDocument:
    source: str   # where it was read from
    name: str     # the file name gold labels refer to
    text: str


@dataclass(frozen=True)
class ReadFailure:
    source: str
    reason: str


def decode(data: bytes) -> str:
    """UTF-8 text (a BOM is tolerated); ValueError says what is wrong."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}") from None
    if not text.strip():
        raise ValueError("empty file")
    return text


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*")
                          if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    else:
        yield path


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The inputs as paths; InputError for one that does not exist."""
    checked = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {raw}")
        checked.append(path)
    return checked


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawDocument | ReadFailure]:
    """Every article under the given files and folders (folders recursively)."""
    for path in check_paths(paths):
        for file in _files(path):
            try:
                yield RawDocument(str(file), file.name, decode(file.read_bytes()))
            except (ValueError, OSError) as exc:
                yield ReadFailure(str(file), str(exc))
