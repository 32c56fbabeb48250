"""Reading inputs: files, folders and archives of articles in every common format.

One call reads, mixed: folders (recursively) of ``.txt``, ``.html``/``.htm``
(main text and metadata through trafilatura), ``.jsonl``/``.json`` (one
article per record), ``.csv`` and ``.parquet`` (one per row), ``.warc`` /
``.warc.gz`` (HTML responses), and ``.zip``, ``.tar``, ``.tar.gz``/``.tgz``
archives holding any of these. Archives and large files are read as
streams, never unpacked to disk; member names are labels, never paths to
write to. The kind is decided by the extension, else by the first bytes.

Yields a ``RawDocument`` per article, a ``ReadFailure`` per input, member or
record that cannot be read, and a ``Skipped`` for records that hold no
article (a WARC request, an image), so one bad file never stops a batch.
Every item says where it came from: the file, the archive member, and the
line, row or byte offset of the record.
"""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

SNIFF_BYTES = 8192
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".parquet", ".warc", ".warc.gz",
                    ".zip", ".tar", ".tar.gz", ".tgz")
# record fields, tried in order; --field name=path adds its own first
DEFAULT_FIELDS = {
    "text": ("text", "content", "body", "article", "noi_dung"),
    "title": ("title", "headline", "tieu_de"),
    "published": ("published", "date", "published_at", "publish_date", "datetime", "ngay"),
    "url": ("url", "link", "href"),
    "source": ("source", "site"),
    "author": ("author", "byline"),
    "id": ("id", "_id", "uid"),
}


class InputError(Exception):
    """An input path the user gave does not exist, or an option is malformed."""


@dataclass(frozen=True)
class RawDocument:
    source: str                    # the file read (the archive, for a member)
    name: str                      # what labels call it: the file name, or "<file>#<record>"
    text: str
    member: str | None = None      # the archive member
    record: str | None = None      # "line 12", "row 5", "offset 1234"
    meta: dict = field(default_factory=dict)  # title, published, url, author from structured inputs

    @property
    def location(self) -> str:
        return _location(self.source, self.member, self.record)


@dataclass(frozen=True)
class ReadFailure:
    source: str
    reason: str
    member: str | None = None
    record: str | None = None

    @property
    def location(self) -> str:
        return _location(self.source, self.member, self.record)


@dataclass(frozen=True)
class Skipped:
    """A record that holds no article (counted, not an error)."""

    source: str
    reason: str
    member: str | None = None


Item = RawDocument | ReadFailure | Skipped


def _location(source: str, member: str | None, record: str | None) -> str:
    return source + (f"!{member}" if member else "") + (f" ({record})" if record else "")


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


def parse_field_mapping(specs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``["text=body.content", "published=meta.date"]`` -> the fields to read, mapping first."""
    fields = dict(DEFAULT_FIELDS)
    for spec in specs:
        name, _, path = spec.partition("=")
        name, path = name.strip(), path.strip()
        if name not in DEFAULT_FIELDS or not path:
            raise InputError(f"--field {spec!r}: expected NAME=PATH with NAME one of {', '.join(DEFAULT_FIELDS)}")
        fields[name] = (path, *fields[name])
    return fields


def _get(record: dict, path: str):
    value = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _from_record(record, fields, source, name, member, record_at) -> Item:
    if not isinstance(record, dict):
        return ReadFailure(source, "record is not an object", member, record_at)
    values = {}
    for key, paths in fields.items():
        # a nested object or list is no value ("body": {"content": ...} needs --field text=body.content)
        value = next((v for v in (_get(record, p) for p in paths)
                      if v not in (None, "") and not isinstance(v, (dict, list))), None)
        values[key] = value if value is None or isinstance(value, str) else str(value)
    if not values["text"] or not values["text"].strip():
        return ReadFailure(source, f"record has no text (looked for {', '.join(fields['text'])})", member,
                           record_at)
    label = values["id"] or record_at.split()[-1]
    meta = {k: values[k] for k in ("title", "published", "url", "author", "source") if values[k]}
    return RawDocument(source, f"{name}#{label}", values["text"], member, record_at, meta)


def _kind(name: str, head: bytes) -> str | None:
    lower = name.lower()
    for suffix, kind in ((".warc.gz", "warc"), (".tar.gz", "tar"), (".tgz", "tar"), (".warc", "warc"),
                         (".tar", "tar"), (".zip", "zip"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                         (".json", "json"), (".csv", "csv"), (".parquet", "parquet"), (".html", "html"),
                         (".htm", "html"), (".txt", "txt")):
        if lower.endswith(suffix):
            return kind
    # no known extension: look at the first bytes
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if stripped.startswith((b"{", b"[")):
        return "json"
    return None


def _html(data: bytes, source: str, name: str, member: str | None, record: str | None = None) -> Item:
    import trafilatura

    try:
        html = data.decode("utf-8", errors="replace")
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return ReadFailure(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}", member, record)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return ReadFailure(source, "HTML holds no article text", member, record)
    meta = {k: getattr(doc, k) for k in ("title", "author", "url") if getattr(doc, k, None)}
    if getattr(doc, "date", None):
        meta["published"] = doc.date
    body = text
    if meta.get("title") and not text.startswith(meta["title"]):
        body = meta["title"] + "\n\n" + text
    return RawDocument(source, name, body, member, record, meta)


def _jsonl(stream: IO[bytes], fields, source, name, member) -> Iterator[Item]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadFailure(source, f"malformed JSON line: {exc}", member, f"line {number}")
            continue
        yield _from_record(record, fields, source, name, member, f"line {number}")


def _json(data: bytes, fields, source, name, member) -> Iterator[Item]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield ReadFailure(source, f"malformed JSON: {exc}", member)
        return
    if isinstance(value, dict):
        records = next((value[k] for k in ("articles", "records", "data", "items")
                        if isinstance(value.get(k), list)), [value])
    elif isinstance(value, list):
        records = value
    else:
        yield ReadFailure(source, "JSON holds neither an object nor a list of records", member)
        return
    for index, record in enumerate(records):
        yield _from_record(record, fields, source, name, member, f"record {index}")


def _frames(stream, kind: str):
    import pandas as pd

    if kind == "csv":
        yield from pd.read_csv(stream, chunksize=1000, dtype=str, keep_default_na=False)
    else:
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(stream).iter_batches(batch_size=1000):
            yield batch.to_pandas()


def _table(stream, kind, fields, source, name, member) -> Iterator[Item]:
    row = 0
    try:
        for frame in _frames(stream, kind):
            for record in frame.to_dict("records"):
                yield _from_record(record, fields, source, name, member, f"row {row}")
                row += 1
    except Exception as exc:  # a truncated or malformed table: what was read stands
        yield ReadFailure(source, f"{kind} could not be read past row {row}: {type(exc).__name__}: {exc}",
                          member)


def _warc(stream: IO[bytes], source, name, member) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    try:
        for record in records:
            if record.rec_type != "response":
                yield Skipped(source, f"WARC {record.rec_type} record", member)
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                yield Skipped(source, f"WARC response of type {content_type or 'unknown'}", member)
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            payload = record.content_stream().read()
            offset = f"offset {records.get_record_offset()}"  # asked after the read: asking first consumes it
            item = _html(payload, source, f"{name}#{offset.split()[-1]}", member, offset)
            if isinstance(item, RawDocument) and uri:
                item.meta.setdefault("url", uri)
            yield item
    except Exception as exc:  # a truncated or corrupt WARC: what was read stands
        yield ReadFailure(source, f"WARC could not be read further: {type(exc).__name__}: {exc}", member)


def _archive_members(kind: str, stream: IO[bytes], source: str) -> Iterator[tuple[str, IO[bytes]] | ReadFailure]:
    """(member name, stream) of each regular file; names are never used as paths."""
    try:
        if kind == "zip":
            with zipfile.ZipFile(stream) as archive:
                for info in archive.infolist():
                    if info.is_dir():
                        continue
                    try:
                        with archive.open(info) as member:
                            yield info.filename, member
                    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
                        yield ReadFailure(source, f"corrupt archive member: {exc}", info.filename)
        else:
            with tarfile.open(fileobj=stream, mode="r|*") as archive:
                for info in archive:
                    if not info.isfile():
                        continue
                    member = archive.extractfile(info)
                    if member is not None:
                        yield info.name, member
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield ReadFailure(source, f"archive could not be read further: {type(exc).__name__}: {exc}")


def read_stream(stream: IO[bytes], name: str, source: str, fields, member: str | None = None,
                depth: int = 0) -> Iterator[Item]:
    """Every article of one file or archive member, read by its kind."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
    if not head and hasattr(stream, "seekable") and stream.seekable():
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
    kind = _kind(name, head)
    base = PurePosixPath(name).name
    if kind in ("zip", "tar") and depth < 2:
        source_here = source if member is None else f"{source}!{member}"
        if kind == "zip" and not (hasattr(stream, "seekable") and stream.seekable()):
            stream = io.BytesIO(stream.read())  # zip needs its directory at the end
        for entry in _archive_members(kind, stream, source_here):
            if isinstance(entry, ReadFailure):
                yield entry
                continue
            member_name, member_stream = entry
            buffered = io.BufferedReader(member_stream) if not hasattr(member_stream, "peek") else member_stream
            try:
                for item in read_stream(buffered, member_name, source, fields, member_name
                                        if member is None else f"{member}!{member_name}", depth + 1):
                    yield item
            except (OSError, EOFError, zlib.error, zipfile.BadZipFile, tarfile.TarError) as exc:
                yield ReadFailure(source, f"corrupt archive member: {type(exc).__name__}: {exc}", member_name)
        return
    if kind == "gzip":
        import gzip

        kind = "warc" if name.lower().endswith(".warc.gz") else "tar"
        if kind == "tar":
            yield from read_stream(stream, name + ".tar.gz", source, fields, member, depth)
            return
        stream = gzip.GzipFile(fileobj=stream)
    try:
        if kind == "warc":
            yield from _warc(stream, source, base, member)
        elif kind == "jsonl":
            yield from _jsonl(stream, fields, source, base, member)
        elif kind in ("csv", "parquet"):
            data = stream if kind == "csv" else io.BytesIO(stream.read())
            yield from _table(data, kind, fields, source, base, member)
        elif kind == "json":
            yield from _json(stream.read(), fields, source, base, member)
        elif kind == "html":
            yield _html(stream.read(), source, base, member)
        else:
            try:
                yield RawDocument(source, base, decode(stream.read()), member)
            except ValueError as exc:
                yield ReadFailure(source, str(exc), member)
    except (OSError, EOFError, zlib.error) as exc:  # a truncated gzip, a member cut short
        yield ReadFailure(source, f"could not be read to the end: {type(exc).__name__}: {exc}", member)


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*")
                          if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES))
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


def count_files(paths: Iterable[Path]) -> tuple[int, bool]:
    """How many files the inputs hold, and whether that is the article count
    (it is not when archives or multi-record files are among them)."""
    count, exact = 0, True
    for path in paths:
        for file in _files(path):
            count += 1
            if not file.name.lower().endswith((".txt", ".html", ".htm")):
                exact = False
    return count, exact


def read_paths(paths: Iterable[str | Path], fields: dict | None = None) -> Iterator[Item]:
    """Every article under the given files and folders (folders recursively)."""
    fields = fields or DEFAULT_FIELDS
    for path in check_paths(paths):
        for file in _files(path):
            try:
                with open(file, "rb") as stream:
                    yield from read_stream(stream, file.name, str(file), fields)
            except OSError as exc:
                yield ReadFailure(str(file), f"cannot be read: {exc}")
