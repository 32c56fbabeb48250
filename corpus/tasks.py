"""Inputs cut into tasks for a cluster: each task is a share one worker reads
by itself, so no process reads a whole collection.

- small files go in groups (``FILES_PER_TASK`` a task);
- a zip archive with many members, in ranges of members;
- a large ``.warc.gz`` (one gzip member per record, as crawlers write them)
  or ``.jsonl`` file, in byte ranges: a task reads the records that start
  inside its range, so neighbouring tasks neither miss nor repeat one.

Planning reads only directory listings, zip directories and file sizes.
A record of a JSONL byte range is labelled by its byte offset ("offset
1234"), where a whole file's reading says "line 12": line numbers would need
every byte before the range.
"""

from __future__ import annotations

import dataclasses
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from vnstats.corpus.readers import (DEFAULT_FIELDS, Item, Limits, ReadFailure, check_paths, input_files, label, read_jsonl_lines,
                                    read_paths, read_warc, read_zip_members)

FILES_PER_TASK = 32
MEMBERS_PER_TASK = 64
BYTES_PER_TASK = 8 << 20
WARC_GZIP_HEAD = b"\x1f\x8b\x08"


@dataclass(frozen=True)
class Task:
    """Whole files, or one part of one file: bytes [first, last) of a
    ``warc.gz`` or ``jsonl`` file, members [first, last) of a zip archive."""

    files: tuple[str, ...] = ()
    path: str | None = None
    kind: str | None = None
    first: int = 0
    last: int = 0
    index: int = 0          # its place among the run's tasks, in reading order

    def __str__(self) -> str:
        if self.files:
            return f"{len(self.files)} files from {self.files[0]}"
        unit = "members" if self.kind == "zip" else "bytes"
        return f"{self.path} {unit} {self.first:,}-{self.last:,}"


def plan_tasks(paths, limits: Limits | None = None, files_per_task: int = FILES_PER_TASK,
               members_per_task: int = MEMBERS_PER_TASK,
               bytes_per_task: int = BYTES_PER_TASK) -> Iterator[Task | ReadFailure]:
    """The inputs as tasks, in reading order, numbered."""
    index = 0
    for item in _plan(paths, limits or Limits(), files_per_task, members_per_task, bytes_per_task):
        if isinstance(item, Task):
            item = dataclasses.replace(item, index=index)
            index += 1
        yield item


def _plan(paths, limits: Limits, files_per_task: int, members_per_task: int,
          bytes_per_task: int) -> Iterator[Task | ReadFailure]:
    group: list[str] = []
    for path in check_paths(paths):
        for file in input_files(path, limits):
            if isinstance(file, ReadFailure):
                yield file
                continue
            name = file.name.lower()
            parts = []
            if name.endswith(".zip"):
                parts = _member_ranges(file, members_per_task)
            elif name.endswith((".warc.gz", ".jsonl")) and file.stat().st_size > bytes_per_task:
                kind = "jsonl" if name.endswith(".jsonl") else "warc.gz"
                size = file.stat().st_size
                parts = [Task(path=str(file), kind=kind, first=a, last=min(a + bytes_per_task, size))
                         for a in range(0, size, bytes_per_task)]
            if parts:
                if group:   # what was read before this file comes first: tasks keep the reading order
                    yield Task(files=tuple(group))
                    group = []
                yield from parts
                continue
            group.append(str(file))
            if len(group) == files_per_task:
                yield Task(files=tuple(group))
                group = []
    if group:
        yield Task(files=tuple(group))


def _member_ranges(file: Path, size: int) -> list[Task]:
    """A zip of more than ``size`` members, in ranges; [] to read it whole."""
    try:
        with zipfile.ZipFile(file) as archive:
            count = len(archive.infolist())
    except (OSError, zipfile.BadZipFile):
        return []   # read whole: its reading reports what is wrong with it
    if count <= size:
        return []
    return [Task(path=str(file), kind="zip", first=a, last=min(a + size, count)) for a in range(0, count, size)]


def read_task(task: Task, fields: dict | None = None, limits: Limits | None = None) -> Iterator[Item]:
    """Every article of one task, as ``read_paths`` gives them."""
    limits = limits or Limits()
    fields = fields or DEFAULT_FIELDS
    if task.files:
        yield from read_paths(task.files, fields, limits)
        return
    source = label(task.path)
    name = PurePosixPath(task.path).name
    try:
        with open(task.path, "rb") as stream:
            if task.kind == "zip":
                yield from read_zip_members(stream, name, source, fields, limits, task.first, task.last)
            elif task.kind == "jsonl":
                lines = _line_range(stream, task.first, task.last, limits.max_input_bytes)
                yield from read_jsonl_lines(lines, fields, source, name, limits)
            else:
                start = _warc_record_at_or_after(stream, task.first, task.last)
                if start is not None:
                    stream.seek(start)
                    yield from read_warc(stream, source, name, limits, until=task.last)
    except OSError as exc:
        yield ReadFailure(source, f"cannot be read: {exc.strerror or exc}")


def _line_range(stream, first: int, last: int, limit: int) -> Iterator[tuple[str, bytes | None]]:
    """("offset N", line) of each line that starts in [first, last): a line
    that starts before ``first`` belongs to the task before. A line longer
    than ``limit`` bytes comes as None, never held whole."""
    if first:
        stream.seek(first - 1)
        if stream.read(1) != b"\n":
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass   # the rest of a line that started before
    while (at := stream.tell()) < last:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            line = None
        yield f"offset {at}", line


def _warc_record_at_or_after(stream, first: int, last: int) -> int | None:
    """The offset of the first WARC record (a gzip member whose text starts
    with "WARC/") at or after ``first`` and before ``last``."""
    position = first
    stream.seek(first)
    window = stream.read((last - first) + 65536)
    at = 0
    while True:
        at = window.find(WARC_GZIP_HEAD, at)
        if at < 0 or position + at >= last:
            return None
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(window[at:at + 65536], 16)
        except zlib.error:
            head = b""
        if head.startswith(b"WARC/"):
            return position + at
        at += 1
