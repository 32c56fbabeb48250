"""Reading inputs: files, folders and archives of articles in every common format.

One call reads, mixed: folders (recursively) of ``.txt``, ``.html``/``.htm``
(main text and metadata through trafilatura), ``.jsonl``/``.json`` (one
article per record), ``.csv`` and ``.parquet`` (one per row), ``.warc`` /
``.warc.gz`` (HTML responses), single gzipped files (``.txt.gz``,
``.jsonl.gz``, …) and ``.zip``, ``.tar``, ``.tar.gz``/``.tgz`` archives
holding any of these. Archives and large files are read as streams, never
unpacked to disk; member names are labels, never paths to write to. The kind
is decided by the extension, else by the first bytes.

Yields a ``RawDocument`` per article, a ``ReadFailure`` per input, member or
record that cannot be read, and a ``Skipped`` for records that hold no
article (a WARC request, an image). Every input, member and record has an
error boundary: whatever reading it raises is that input's failure, with a
one-line reason, and reading goes on with the next. Sizes are bounded
(``Limits``), so no input can exhaust memory. Every item says where it came
from: the file, the archive member, and the line, row or byte offset of the
record.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import gzip
import io
import json
import os
import stat
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

import regex

from vnstats.corpus.legacy import convert_legacy
from vnstats.corpus.manifest import folder_sources

SNIFF_BYTES = 8192
STDIN = "-"   # the path that means standard input
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".warc",
                    ".warc.gz", ".zip", ".tar", ".tar.gz", ".tgz", ".gz")
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
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_DECLARED_CHARSET = regex.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)""")


class InputError(Exception):
    """An input path the user gave does not exist, or an option is malformed."""


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one input from exhausting memory; defaults no real
    news page or archive of them reaches. Each can be changed on the command line."""

    max_article_chars: int = 1_000_000       # one article's text (--max-article-chars)
    max_input_bytes: int = 64 * 2**20        # a file or member read whole (--max-input-bytes)
    max_ratio: int = 200                     # an archive member's size over its compressed size (--max-ratio)
    max_depth: int = 2                       # archives inside archives
    follow_symlinks: bool = False            # links inside an input folder (--follow-symlinks)


class _Rejected(Exception):
    """An input read no further, with the one-line reason."""


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


def storable(text: str) -> str:
    """Text any database takes: bytes of a file name that are not UTF-8 (kept
    by the file system as lone surrogates) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


_label = storable
label = storable   # a name as it may be stored and printed


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def decode(data: bytes) -> str:
    """The text of a file: UTF-8 (a BOM tolerated), UTF-16 (with a BOM, or
    plainly so), or a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258)
    recognized by its letters; ValueError says what is wrong."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not valid UTF-16: {exc.reason} at offset {exc.start}") from None
        return _non_empty(text)
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        # UTF-16 without a BOM: every other byte of Latin text is NUL
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50:
            try:
                return _non_empty(data.decode("utf-16-be" if even > odd else "utf-16-le"))
            except UnicodeDecodeError:
                pass
        raise ValueError("binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        converted = convert_legacy(data)
        if converted is None:
            raise ValueError(f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}, "
                             f"and no known Vietnamese encoding") from None
        text = converted
    return _non_empty(text)


def _non_empty(text: str) -> str:
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


def _field_value(key: str, value) -> str:
    """A record's value as text, or _Rejected saying why it is none."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise _Rejected(f"field {key!r} holds binary data, not UTF-8 text") from None
    elif isinstance(value, dict):
        raise _Rejected(f"field {key!r} holds a nested object, not text")
    elif isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and getattr(value, "ndim", 0)):
        raise _Rejected(f"field {key!r} holds a list, not text")
    elif not isinstance(value, str):
        value = str(value)
    found = _SURROGATE.search(value)
    if found:
        raise _Rejected(f"field {key!r} holds a lone surrogate (\\u{ord(found.group()):04x}), not text")
    return value


def _from_record(record, fields, source, name, member, record_at, limits: Limits) -> Item:
    if not isinstance(record, dict):
        return ReadFailure(source, "record is not an object", member, record_at)
    values: dict[str, str | None] = {}
    for key, paths in fields.items():
        found = [v for v in (_get(record, p) for p in paths) if v is not None and not _blank(v)]
        try:
            values[key] = _field_value(key, found[0]) if found else None
        except _Rejected as exc:
            if key == "text" or key == "title" and "surrogate" in str(exc):
                return ReadFailure(source, str(exc), member, record_at)
            values[key] = None   # a list of tags where an author belongs: no author
    if not values["text"] or not values["text"].strip():
        return ReadFailure(source, f"record has no text (looked for {', '.join(fields['text'])})", member,
                           record_at)
    if len(values["text"]) > limits.max_article_chars:
        return ReadFailure(source, _too_long(len(values["text"]), limits), member, record_at)
    label = values["id"] or record_at.split()[-1]
    meta = {k: values[k] for k in ("title", "published", "url", "author", "source") if values[k]}
    return RawDocument(source, f"{name}#{label}", values["text"], member, record_at, meta)


def _blank(value) -> bool:
    return isinstance(value, str) and not value


def _too_long(chars: int, limits: Limits) -> str:
    return (f"article of {chars:,} characters, longer than {limits.max_article_chars:,} "
            f"(--max-article-chars)")


def _kind(name: str, head: bytes) -> str | None:
    lower = name.lower()
    for suffix, kind in ((".warc.gz", "warc"), (".tar.gz", "tar"), (".tgz", "tar"), (".warc", "warc"),
                         (".tar", "tar"), (".zip", "zip"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                         (".json", "json"), (".csv", "csv"), (".parquet", "parquet"), (".html", "html"),
                         (".htm", "html"), (".txt", "txt"), (".gz", "gzip")):
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
    if len(head) > 262 and head[257:262] == b"ustar":
        return "tar"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if stripped.startswith((b"{", b"[")):
        return "json"
    return None


def _read_whole(stream: IO[bytes], limits: Limits) -> bytes:
    """All of a file or member, or _Rejected if it is larger than the limit
    (at most the limit is ever held in memory)."""
    data = stream.read(limits.max_input_bytes + 1)
    if len(data) > limits.max_input_bytes:
        raise _Rejected(f"larger than {limits.max_input_bytes:,} bytes (--max-input-bytes); not read")
    return data


def _html_text(data: bytes, declared: str | None = None) -> str:
    """An HTML page's markup as text, in the charset its HTTP header or its
    <meta> declares ("windows-1258"), else UTF-8, else a legacy Vietnamese encoding."""
    if declared is None:
        found = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
        declared = found.group(1).decode("ascii", "replace") if found else None
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-8-sig"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _Rejected(f"declared charset {declared} but byte 0x{data[exc.start]:02x} at offset "
                                f"{exc.start} is not {declared}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        converted = convert_legacy(data)
        if converted is None:
            raise _Rejected(f"HTML is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) "
                            f"and declares no charset") from None
        return converted


def _html(data: bytes, source: str, name: str, member: str | None, limits: Limits, record: str | None = None,
          declared: str | None = None) -> Item:
    import trafilatura

    try:
        html = _html_text(data, declared)
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except _Rejected as exc:
        return ReadFailure(source, str(exc), member, record)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken or hostile markup
        return ReadFailure(source, f"HTML could not be parsed: {_one_line(exc)}", member, record)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return ReadFailure(source, "HTML holds no article text", member, record)
    meta = {k: getattr(doc, k) for k in ("title", "author", "url") if getattr(doc, k, None)}
    if getattr(doc, "date", None):
        meta["published"] = doc.date
    body = text
    if meta.get("title") and not text.startswith(meta["title"]):
        body = meta["title"] + "\n\n" + text
    if len(body) > limits.max_article_chars:
        return ReadFailure(source, _too_long(len(body), limits), member, record)
    return RawDocument(source, name, body, member, record, meta)


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of a line-oriented stream; a line longer than ``limit``
    bytes comes as None, never held whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:   # skip the rest of the over-long line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def _jsonl(stream: IO[bytes], fields, source, name, member, limits: Limits) -> Iterator[Item]:
    numbered = ((f"line {number}", line) for number, line in _lines(stream, limits.max_input_bytes))
    yield from read_jsonl_lines(numbered, fields, source, name, limits, member)


def read_jsonl_lines(lines: Iterable[tuple[str, bytes | None]], fields, source: str, name: str, limits: Limits,
                     member: str | None = None) -> Iterator[Item]:
    """The records of JSON lines, each given with where it is ("line 12";
    None for a line too long to hold)."""
    for at, line in lines:
        if line is None:
            yield ReadFailure(source, f"line longer than {limits.max_input_bytes:,} bytes (--max-input-bytes)",
                              member, at)
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            yield ReadFailure(source, "JSON nested too deeply to read", member, at)
            continue
        except (ValueError, UnicodeDecodeError) as exc:
            yield ReadFailure(source, f"malformed JSON line: {_one_line(exc)}", member, at)
            continue
        yield _from_record(record, fields, source, name, member, at, limits)


def _json(data: bytes, fields, source, name, member, limits: Limits) -> Iterator[Item]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        yield ReadFailure(source, "JSON nested too deeply to read", member)
        return
    except (ValueError, UnicodeDecodeError) as exc:
        yield ReadFailure(source, f"malformed JSON: {_one_line(exc)}", member)
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
        yield _from_record(record, fields, source, name, member, f"record {index}", limits)


def _csv(stream: IO[bytes], fields, source, name, member, limits: Limits) -> Iterator[Item]:
    """CSV rows as records. A row with a NUL byte, or with more or fewer
    fields than the header, is that row's failure: never stored cut or shifted."""
    csv.field_size_limit(limits.max_article_chars * 4)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    row = -1
    try:
        header = next(reader, None)
        if header is None:
            yield ReadFailure(source, "empty CSV", member)
            return
        for row, values in enumerate(reader):
            at = f"row {row}"
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                yield ReadFailure(source, f"row has {len(values)} fields, the header {len(header)}", member, at)
            elif any("\x00" in v for v in values):
                yield ReadFailure(source, "row holds a NUL byte", member, at)
            else:
                yield _from_record(dict(zip(header, values)), fields, source, name, member, at, limits)
    except (csv.Error, UnicodeDecodeError) as exc:
        yield ReadFailure(source, f"CSV could not be read past row {row + 1}: {_one_line(exc)}", member)
    finally:
        text.detach()


def _parquet(data: bytes, fields, source, name, member, limits: Limits) -> Iterator[Item]:
    import pyarrow.parquet as pq

    row = 0
    try:
        for batch in pq.ParquetFile(io.BytesIO(data)).iter_batches(batch_size=1000):
            for record in batch.to_pylist():
                yield _from_record(record, fields, source, name, member, f"row {row}", limits)
                row += 1
    except Exception as exc:  # a truncated or malformed table: what was read stands
        yield ReadFailure(source, f"parquet could not be read past row {row}: {_one_line(exc)}", member)


def _warc(stream: IO[bytes], source, name, member, limits: Limits) -> Iterator[Item]:
    yield from read_warc(stream, source, name, limits, member)


def read_warc(stream: IO[bytes], source: str, name: str, limits: Limits, member: str | None = None,
              until: int | None = None) -> Iterator[Item]:
    """The pages of a WARC stream; with ``until``, only the records that start
    before that byte offset (a cluster task's share: corpus.tasks)."""
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    try:
        for record in records:
            if until is not None and records.offset >= until:
                return
            if record.rec_type != "response":
                yield Skipped(source, f"WARC {record.rec_type} record", member)
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in content_type.lower():
                yield Skipped(source, f"WARC response of type {content_type or 'unknown'}", member)
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            payload = record.content_stream().read(limits.max_input_bytes + 1)
            offset = f"offset {records.get_record_offset()}"  # asked after the read: asking first consumes it
            if len(payload) > limits.max_input_bytes:
                yield ReadFailure(source, f"WARC record larger than {limits.max_input_bytes:,} bytes "
                                          f"(--max-input-bytes)", member, offset)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                # fewer bytes than its Content-Length: a record cut short is never stored in part
                yield ReadFailure(source, "WARC record cut short (fewer bytes than its Content-Length)", member,
                                  offset)
                return
            charset = regex.search(r"(?i)charset\s*=\s*([a-z0-9_:.-]+)", content_type)
            item = _html(payload, source, f"{name}#{offset.split()[-1]}", member, limits, offset,
                         charset.group(1) if charset else None)
            if isinstance(item, RawDocument) and uri:
                item.meta.setdefault("url", uri)
            yield item
    except Exception as exc:  # a truncated or corrupt WARC: what was read stands
        yield ReadFailure(source, f"WARC could not be read further: {_one_line(exc)}", member)


def _member_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why a zip member must not be read, from its directory entry."""
    if info.flag_bits & 0x1:
        return "encrypted archive member (a password is required)"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        return f"archive member compressed with method {info.compress_type}, which is not supported"
    if info.file_size > limits.max_input_bytes:
        return (f"archive member of {info.file_size:,} bytes, larger than {limits.max_input_bytes:,} "
                f"(--max-input-bytes)")
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_ratio and info.file_size > 1 << 20:
        return f"archive member expands {ratio:,.0f} times, more than {limits.max_ratio} (--max-ratio): a zip bomb?"
    return None


def _archive_members(kind: str, stream: IO[bytes], source: str, limits: Limits,
                     members: slice = slice(None)) -> Iterator[tuple[str, IO[bytes]] | ReadFailure]:
    """(member name, stream) of each regular file (of a zip: those of the
    ``members`` slice of its directory); names are never used as paths."""
    try:
        if kind == "zip":
            with zipfile.ZipFile(stream) as archive:
                for info in archive.infolist()[members]:
                    if info.is_dir():
                        continue
                    problem = _member_problem(info, limits)
                    if problem:
                        yield ReadFailure(source, problem, _label(info.filename))
                        continue
                    try:
                        with archive.open(info) as member:
                            yield _label(info.filename), member
                    except Exception as exc:
                        yield ReadFailure(source, f"corrupt archive member: {_one_line(exc)}", _label(info.filename))
        else:
            with tarfile.open(fileobj=stream, mode="r|*") as archive:
                for info in archive:
                    if not info.isfile():
                        continue   # links, devices and folders hold no article of their own
                    if info.size > limits.max_input_bytes:
                        yield ReadFailure(source, f"archive member of {info.size:,} bytes, larger than "
                                                  f"{limits.max_input_bytes:,} (--max-input-bytes)", _label(info.name))
                        continue
                    member = archive.extractfile(info)
                    if member is not None:
                        yield _label(info.name), member
    except Exception as exc:
        yield ReadFailure(source, f"archive could not be read further: {_one_line(exc)}")


def read_stream(stream: IO[bytes], name: str, source: str, fields, member: str | None = None,
                depth: int = 0, limits: Limits | None = None) -> Iterator[Item]:
    """Every article of one file or archive member, read by its kind."""
    limits = limits or Limits()
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
    if not head and hasattr(stream, "seekable") and stream.seekable():
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
    kind = _kind(name, head)
    base = _label(PurePosixPath(name).name)
    if kind in ("zip", "tar"):
        if depth >= limits.max_depth:
            yield ReadFailure(source, f"archive nested more than {limits.max_depth} deep; not read", member)
            return
        yield from _archive(kind, stream, name, source, fields, member, depth, limits)
        return
    if kind == "gzip":
        yield from _gunzipped(stream, name, source, fields, member, depth, limits)
        return
    try:
        if kind == "warc":
            # warcio reads the gzip members itself: record offsets are then
            # offsets into the file as it lies on disk, where a reader (or a
            # cluster task, corpus.tasks) can seek to them
            yield from _warc(stream, source, base, member, limits)
        elif kind == "jsonl":
            yield from _jsonl(stream, fields, source, base, member, limits)
        elif kind == "csv":
            yield from _csv(stream, fields, source, base, member, limits)
        elif kind == "parquet":
            yield from _parquet(_read_whole(stream, limits), fields, source, base, member, limits)
        elif kind == "json":
            yield from _json(_read_whole(stream, limits), fields, source, base, member, limits)
        elif kind == "html":
            yield _html(_read_whole(stream, limits), source, base, member, limits)
        else:
            try:
                text = decode(_read_whole(stream, limits))
            except ValueError as exc:
                yield ReadFailure(source, str(exc), member)
                return
            if len(text) > limits.max_article_chars:
                yield ReadFailure(source, _too_long(len(text), limits), member)
            else:
                yield RawDocument(source, base, text, member)
    except _Rejected as exc:
        yield ReadFailure(source, str(exc), member)
    except (OSError, EOFError, zlib.error) as exc:  # a truncated gzip, a member cut short
        yield ReadFailure(source, f"could not be read to the end: {_one_line(exc)}", member)


def read_zip_members(stream: IO[bytes], name: str, source: str, fields, limits: Limits,
                     first: int, last: int) -> Iterator[Item]:
    """The articles of members [first, last) of a zip file's directory."""
    yield from _archive("zip", stream, name, source, fields, None, 0, limits, slice(first, last))


def _archive(kind, stream, name, source, fields, member, depth, limits: Limits,
             members: slice = slice(None)) -> Iterator[Item]:
    source_here = source if member is None else f"{source}!{member}"
    if kind == "zip" and not (hasattr(stream, "seekable") and stream.seekable()):
        try:
            stream = io.BytesIO(_read_whole(stream, limits))  # zip needs its directory at the end
        except _Rejected as exc:
            yield ReadFailure(source, f"zip {exc}", member)
            return
    for entry in _archive_members(kind, stream, source_here, limits, members):
        if isinstance(entry, ReadFailure):
            yield entry
            continue
        member_name, member_stream = entry
        inner = member_name if member is None else f"{member}!{member_name}"
        buffered = io.BufferedReader(member_stream) if not hasattr(member_stream, "peek") else member_stream
        try:   # one member's failure, whatever it is, is that member's
            yield from read_stream(buffered, member_name, source, fields, inner, depth + 1, limits)
        except Exception as exc:
            yield ReadFailure(source, f"archive member could not be read: {_one_line(exc)}", inner)


def _gunzipped(stream, name, source, fields, member, depth, limits: Limits) -> Iterator[Item]:
    """A gzipped file: a tar archive, or one file of any other kind (".txt.gz")."""
    inner = name[:-3] if name.lower().endswith(".gz") else name
    unzipped = io.BufferedReader(gzip.GzipFile(fileobj=stream))
    try:
        head = unzipped.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadFailure(source, f"gzip could not be read: {_one_line(exc)}", member)
        return
    kind = _kind(inner, head)
    if kind == "tar" or (kind is None and len(head) > 262 and head[257:262] == b"ustar"):
        if depth >= limits.max_depth:
            yield ReadFailure(source, f"archive nested more than {limits.max_depth} deep; not read", member)
            return
        yield from _archive("tar", unzipped, inner, source, fields, member, depth, limits)
        return
    inner_base, outer_base = _label(PurePosixPath(inner).name), _label(PurePosixPath(name).name)
    for item in read_stream(unzipped, inner if kind else inner + ".txt", source, fields, member, depth, limits):
        if isinstance(item, RawDocument) and item.name.startswith(inner_base):
            # named after the file as it lies on disk: "story.txt.gz", "news.jsonl.gz#a1"
            item = dataclasses.replace(item, name=outer_base + item.name[len(inner_base):])
        yield item


def input_files(path: Path, limits: Limits) -> Iterator[Path | ReadFailure]:
    """The files an input names: itself, or the article files under a folder."""
    return _files(path, limits)


def _files(path: Path, limits: Limits) -> Iterator[Path | ReadFailure]:
    """The regular files under a folder (or the path itself). Links are not
    followed unless asked: one pointing outside the folder is reported;
    FIFOs, sockets and devices are reported, never opened."""
    if not path.is_dir():
        yield path
        return
    root = path.resolve()
    for folder, dirs, names in os.walk(path, followlinks=limits.follow_symlinks):
        dirs.sort()
        for entry in sorted(names):
            file = Path(folder) / entry
            if not entry.lower().endswith(ARTICLE_SUFFIXES):
                continue
            if file.is_symlink() and not limits.follow_symlinks:
                target = file.resolve()
                if not target.is_relative_to(root):
                    yield ReadFailure(_label(str(file)), f"link to {_label(str(target))}, outside the input folder; "
                                                         f"not followed (--follow-symlinks)")
                continue   # a link inside the folder: its target is read as itself
            yield file


def _regular(file: Path) -> str | None:
    """Why a path is not a regular file to read, or None."""
    try:
        mode = file.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"{kind}, not a regular file; skipped"


def check_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The inputs as paths; InputError for one that does not exist."""
    checked = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN:
            checked.append(path)
            continue
        if not path.exists() and not path.is_symlink():
            raise InputError(f"no such file or folder: {_label(str(raw))}")
        checked.append(path)
    return checked


def count_files(paths: Iterable[Path], limits: Limits | None = None) -> tuple[int, bool]:
    """How many files the inputs hold, and whether that is the article count
    (it is not when archives or multi-record files are among them)."""
    count, exact = 0, True
    for path in paths:
        if str(path) == STDIN:
            count += 1
            continue
        for file in _files(path, limits or Limits()):
            count += 1
            if isinstance(file, ReadFailure) or not file.name.lower().endswith((".txt", ".html", ".htm")):
                exact = False
    return count, exact


def read_paths(paths: Iterable[str | Path], fields: dict | None = None,
               limits: Limits | None = None, sources: dict[str, str] | None = None) -> Iterator[Item]:
    """Every article under the given files and folders (folders recursively).
    A file given twice, under two spellings of its path, is read once. A
    page's address comes from its own record, else from ``sources`` (file
    name -> address), else from a list of sources in its folder (corpus.manifest)."""
    fields = fields or DEFAULT_FIELDS
    limits = limits or Limits()
    seen: set[tuple[int, int]] = set()
    manifests: dict[Path, dict[str, str]] = {}
    for path in check_paths(paths):
        if str(path) == STDIN:   # "vnstats ingest -": one article on standard input
            try:
                text = decode(_read_whole(sys.stdin.buffer, limits))
            except (ValueError, _Rejected) as exc:
                yield ReadFailure("<stdin>", str(exc))
                continue
            if len(text) > limits.max_article_chars:
                yield ReadFailure("<stdin>", _too_long(len(text), limits))
            else:
                yield RawDocument("<stdin>", "stdin.txt", text)
            continue
        for file in _files(path, limits):
            if isinstance(file, ReadFailure):
                yield file
                continue
            source = _label(os.path.normpath(str(file)))
            problem = _regular(file)
            if problem:
                yield ReadFailure(source, problem)
                continue
            identity = (file.stat().st_dev, file.stat().st_ino)
            if identity in seen:
                continue
            seen.add(identity)
            if file.parent not in manifests:
                manifests[file.parent] = folder_sources(file.parent)
            url = (sources or {}).get(file.name) or manifests[file.parent].get(file.name)
            try:   # one file's failure, whatever it is, is that file's
                with open(file, "rb") as stream:
                    for item in read_stream(stream, file.name, source, fields, limits=limits):
                        if url and isinstance(item, RawDocument) and not item.meta.get("url"):
                            item.meta["url"] = url
                        yield item
            except OSError as exc:
                yield ReadFailure(source, f"cannot be read: {exc.strerror or _one_line(exc)}")
            except Exception as exc:
                yield ReadFailure(source, f"could not be read: {_one_line(exc)}")
