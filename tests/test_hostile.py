"""Hostile inputs: more than 40 kinds of bad input, generated here (no stored
blobs), mixed with good articles in one ingest. Nothing may stop the batch,
every good article is stored, every bad input is recorded with a one-line
reason, and neither memory nor time runs away (zip and tar bombs included)."""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tarfile
import time
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from vnstats.corpus.legacy import to_tcvn3, to_vni
from tests.conftest import REPO, SAMPLES
from tests.test_legacy import to_cp1258

BASE = (SAMPLES / "001_ngan_sach_song_lam.txt").read_text(encoding="utf-8")
LEGACY = ("Năm 2023, huyện Sông Lam có 241 hộ nghèo; thu ngân sách của huyện đạt 1.200 tỷ đồng, "
          "tăng 12% so với cùng kỳ. Ủy ban nhân dân huyện đã ban hành kế hoạch giảm nghèo.")


def good(i: int) -> str:
    """A good article of its own (its content differs from every other)."""
    return BASE + f"\n\nBản tin số {i}: năm 2024 huyện có thêm {100 + i} hộ thoát nghèo."


class _Zeros(io.RawIOBase):
    """``size`` zero bytes, read in chunks: a bomb written without holding it."""

    def __init__(self, size: int):
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"\0" * n
        self.left -= n
        return n


def _zip_with(path: Path, members: dict[str, bytes], patch=None) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    if patch:
        data = bytearray(path.read_bytes())
        patch(data)
        path.write_bytes(bytes(data))


def _set_zip_field(data: bytearray, local_offset: int, central_offset: int, value: bytes) -> None:
    """Overwrite a field in every local and central header (flags or method)."""
    i = 0
    while (i := data.find(b"PK\x03\x04", i)) >= 0:
        data[i + local_offset:i + local_offset + len(value)] = value
        i += 4
    i = 0
    while (i := data.find(b"PK\x01\x02", i)) >= 0:
        data[i + central_offset:i + central_offset + len(value)] = value
        i += 4


def _tar_gz(path: Path, members: dict[str, bytes | int]) -> None:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            if isinstance(data, int):   # a bomb: that many zero bytes
                info.size = data
                archive.addfile(info, io.BufferedReader(_Zeros(data)))
            else:
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))


def _warc_bytes(html: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("http://x.vn/a", "response",
                                                  payload=io.BytesIO(html.encode("utf-8")), http_headers=headers))
    return buffer.getvalue()


def _html(body: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (f"<html><head><meta charset='{charset}'><title>Tin huyện</title></head>"
            f"<body><article><h1>Tin huyện</h1>{paragraphs}</article></body></html>")


# kind: (file name, what to write, expected outcome: "stored" or the words of the failure reason)
def build(folder: Path, outside: Path) -> dict[str, tuple[str, str]]:
    folder.mkdir(parents=True)
    kinds: dict[str, tuple[str, str]] = {}

    def put(kind: str, name: str, data: bytes | str, expect: str) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        kinds[kind] = (name, expect)
        return path

    put("empty", "empty.txt", b"", "empty file")
    put("blank", "blank.txt", b"  \n\t \n", "empty file")
    put("png", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file")
    put("nul-in-text", "nul.txt", good(1).encode() + b"\x00\x00" + good(1).encode(), "binary file")
    put("utf16-bom", "utf16.txt", good(2).encode("utf-16"), "stored")
    put("utf16-no-bom", "utf16le.txt", good(3).encode("utf-16-le"), "stored")
    put("tcvn3", "tcvn3.txt", to_tcvn3(LEGACY.lower() + " bản 4").encode("latin-1"), "stored")
    put("vni", "vni.txt", to_vni(LEGACY + " Bản 5").encode("cp1252"), "stored")
    put("cp1258", "cp1258.txt", to_cp1258(LEGACY + " Bản 6"), "stored")
    put("latin1-english", "english.txt", "Déjà vu: the café served crème brûlée.".encode("latin-1"),
        "not valid UTF-8")
    put("deep-json", "deep.json", "[" * 200_000, "nested too deeply")
    put("deep-jsonl-line", "deep.jsonl", json.dumps({"id": "ok", "text": good(7)}) + "\n" + "[" * 200_000 + "\n",
        "nested too deeply")
    put("broken-jsonl-line", "broken.jsonl", '{"text": "chưa đóng\n' + json.dumps({"id": "b", "text": good(8)}),
        "malformed JSON")
    put("lone-surrogate-title", "surrogate.json", '{"title": "\\udc00", "text": ' + json.dumps(good(9)) + "}",
        "lone surrogate")
    put("json-not-records", "numbers.json", "[1, 2, 3]", "not an object")
    put("record-without-text", "notext.jsonl", json.dumps({"title": "chỉ có tiêu đề"}) + "\n", "has no text")
    put("text-is-a-list", "list.jsonl", json.dumps({"text": ["a", "b"]}) + "\n", "holds a list")
    # a file name that is not UTF-8: stored, its name made printable
    odd = os.fsdecode(b"t\xeap_l\xff.txt")
    (folder / odd).write_text(good(10), encoding="utf-8")
    kinds["undecodable-file-name"] = ("t\ufffdp_l\ufffd.txt", "stored")

    # archives
    _zip_with(folder / "encrypted.zip", {"a.txt": good(11)}, lambda d: _set_zip_field(d, 6, 8, b"\x01\x00"))
    kinds["encrypted-zip-member"] = ("encrypted.zip", "encrypted")
    _zip_with(folder / "method.zip", {"a.txt": good(12)}, lambda d: _set_zip_field(d, 8, 10, b"\x61\x00"))
    kinds["unsupported-compression"] = ("method.zip", "not supported")
    with zipfile.ZipFile(folder / "bomb.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("bomb.txt", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"\0" * (1 << 20))   # 300 MB of zeros, about 300 KB stored
    kinds["zip-bomb"] = ("bomb.zip", "larger than")
    with zipfile.ZipFile(folder / "ratio.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("r.txt", "a" * (20 << 20))
    kinds["compression-ratio"] = ("ratio.zip", "--max-ratio")
    _tar_gz(folder / "bomb.tar.gz", {"big.txt": 300 << 20, "ok.txt": good(13).encode()})
    kinds["tar-gz-bomb"] = ("bomb.tar.gz", "larger than")
    kinds["good-after-tar-bomb"] = ("ok.txt", "stored")
    _zip_with(folder / "cut.zip", {"a.txt": good(14), "b.txt": good(15)})
    (folder / "cut.zip").write_bytes((folder / "cut.zip").read_bytes()[:200])
    kinds["truncated-zip"] = ("cut.zip", "could not be read")
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for i in range(40):
            payload = (good(20 + i) + f"\n{os.urandom(2000).hex()}").encode()   # little to compress
            info = tarfile.TarInfo(f"t{i}.txt")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
    (folder / "cut.tar.gz").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3])
    kinds["truncated-tar-gz"] = ("cut.tar.gz", "could not be read")
    kinds["good-before-tar-cut"] = ("t0.txt", "stored")
    _zip_with(folder / "names.zip", {"../../escape.txt": good(16), "/etc/passwd_vnstats.txt": good(17)})
    kinds["traversal-member-names"] = ("escape.txt", "stored")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z3:
        z3.writestr("deep.txt", good(18))
    middle = io.BytesIO()
    with zipfile.ZipFile(middle, "w") as z2:
        z2.writestr("inner.zip", inner.getvalue())
    _zip_with(folder / "nested.zip", {"middle.zip": middle.getvalue()})
    kinds["archive-nested-too-deep"] = ("nested.zip", "nested more than")
    put("gzip-cut", "cut.txt.gz", gzip.compress(good(19).encode())[:60], "could not be read")
    put("txt-gz", "story.txt.gz", gzip.compress(good(30).encode()), "stored")
    put("jsonl-gz", "news.jsonl.gz", gzip.compress((json.dumps({"id": "g", "text": good(31)}) + "\n").encode()),
        "stored")
    put("not-an-archive", "fake.zip", b"PK\x03\x04 this is not really a zip", "could not be read")

    # files that are no regular files, and links
    os.mkfifo(folder / "pipe.txt")
    kinds["fifo"] = ("pipe.txt", "FIFO")
    (outside / "secret.txt").write_text(good(32), encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "link.txt")
    kinds["symlink-outside"] = ("link.txt", "outside the input folder")
    (folder / "folder.txt").mkdir()
    (folder / "folder.txt" / "inner.txt").write_text(good(33), encoding="utf-8")
    kinds["folder-named-like-a-file"] = ("inner.txt", "stored")
    if os.geteuid() != 0:
        locked = put("unreadable", "locked.txt", good(34), "cannot be read")
        locked.chmod(0)

    # tables
    (folder / "nul.csv").write_text("id,text\nn1," + json.dumps(good(35)) + "\nn2,\"có\x00NUL\"\n", encoding="utf-8")
    kinds["csv-nul-field"] = ("nul.csv", "NUL byte")
    (folder / "ragged.csv").write_text("id,text\nr1," + json.dumps(good(36)) + "\nr2,một,hai,ba\n", encoding="utf-8")
    kinds["csv-ragged-row"] = ("ragged.csv", "fields, the header")
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": pa.array([good(37).encode(), b"\xff\xfe\x00"],
                                                                  pa.binary())}), folder / "binary.parquet")
    kinds["parquet-binary-text"] = ("binary.parquet", "binary data")
    kinds["parquet-binary-utf8-text"] = ("binary.parquet#p1", "stored")
    pq.write_table(pa.table({"id": ["l1"], "text": [["một", "hai"]]}), folder / "list.parquet")
    kinds["parquet-list-column"] = ("list.parquet", "holds a list")
    (folder / "cut.parquet").write_bytes(b"PAR1" + b"\x00" * 100)
    kinds["parquet-corrupt"] = ("cut.parquet", "parquet could not be read")

    # web archives and HTML
    warc = _warc_bytes(_html(good(38)))
    put("warc-record-cut-short", "cut.warc", warc[:-400], "cut short")
    put("warc-gz-garbage", "bad.warc.gz", b"\x1f\x8b\x08\x00garbage-not-gzip", "WARC could not be read")
    put("html-windows-1258", "cp1258.html", to_cp1258(_html(LEGACY + " Bản 39", "windows-1258")), "stored")
    put("html-scripts-only", "scripts.html", "<html><body><script>var a = 1;</script></body></html>",
        "no article text")
    put("html-deeply-nested", "nested.html", "<div>" * 100_000 + "Huyện có 12 xã." + "</div>" * 100_000, "any")

    # articles that are too big, too dense or empty after cleaning
    put("too-long", "long.txt", "Huyện có 12 xã. " * 200_000, "--max-article-chars")
    put("many-numbers", "numbers.txt", "Huyện có " + ", ".join(f"{i} xã" for i in range(60_000)) + ".", "any")
    put("chrome-only", "chrome.txt", "Lượt xem: 123\nIn bài viết\nĐang online: 630\n", "no article text")
    put("control-characters", "control.txt", good(40).replace("huyện", "huy\x07ện\x1b"), "any")
    return kinds


def test_hostile_batch(tmp_path):
    folder, outside = tmp_path / "in", tmp_path / "outside"
    outside.mkdir()
    kinds = build(folder, outside)
    goods = {}
    for i in range(100, 120):   # good articles among the bad ones
        goods[f"good_{i}.txt"] = good(i)
        (folder / f"good_{i}.txt").write_text(good(i), encoding="utf-8")
    assert len(kinds) >= 40
    db = tmp_path / "v.db"
    # the same bad file under a second spelling of its path: read once
    command = [sys.executable, "-m", "vnstats", "ingest", str(folder), f"{folder}/./empty.txt",
               str(folder / "sub" / ".." / "empty.txt"), "--db", str(db), "--workers", "2"]
    (folder / "sub").mkdir()
    started = time.time()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    elapsed = time.time() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert peak < 1 << 30, f"peak memory {peak / 2**20:.0f} MB"
    assert elapsed < 300
    with sqlite3.connect(db) as connection:
        names = {n for (n,) in connection.execute("SELECT name FROM articles")}
        failures = connection.execute("SELECT source, member, record, reason FROM failures").fetchall()
        empties = connection.execute("SELECT COUNT(*) FROM failures WHERE source LIKE '%empty.txt'").fetchone()[0]
    assert set(goods) <= names
    assert empties == 1
    for source, member, record, reason in failures:
        assert "\n" not in reason and len(reason) < 400, reason
    outcome, wrong = {}, []
    for kind, (name, expect) in kinds.items():
        stored = name in names or any(n.startswith(name + "#") for n in names)
        reasons = [r for s, m, rec, r in failures
                   if name.split("#")[0] in (s or "") or name.split("#")[0] in (m or "")]
        outcome[kind] = "; ".join(dict.fromkeys(reasons)) if expect != "stored" and reasons else \
            ("stored" if stored else "nothing")
        if expect == "stored" and not stored or expect not in ("stored", "any") and \
                not any(expect in r for r in reasons) or expect == "any" and not (stored or reasons):
            wrong.append((kind, expect, outcome[kind]))
    assert not wrong, "\n".join(map(str, wrong))
    assert not (tmp_path.parent / "escape.txt").exists() and not Path("/etc/passwd_vnstats.txt").exists()
    # the table of outcomes, for the record
    print("\n".join(f"{k:28} {v[:110]}" for k, v in outcome.items()))
