"""Batch inputs: every kind of file and archive, mixed; failures recorded; resume; workers."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from vnstats.corpus.readers import InputError, RawDocument, ReadFailure, Skipped, parse_field_mapping, read_paths
from vnstats.pipeline import Options, run
from tests.conftest import REPO, SAMPLES

SAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
FIRST, SECOND, THIRD = SAMPLE_TEXTS.values()


def _html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (f"<html><head><title>{title}</title><meta name='author' content='Lê Văn Tám'>"
            f"<meta property='article:published_time' content='2025-03-04T08:30:00+07:00'></head>"
            f"<body><nav>Trang chủ | Tin tức</nav><article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Lượt xem: 123</footer></body></html>")


HTML = _html("Huyện Đồi Thông thắng lớn vụ lúa", SECOND.split("\n", 3)[3])


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                      http_headers=headers))
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.0\r\n\r\n")))
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("http://x.vn/a.png", "response", payload=io.BytesIO(b"\x89PNG"),
                                                  http_headers=image))
    return buffer.getvalue()


def _records() -> list[dict]:
    # the first record tells a story of its own: not the text of one.txt
    return [{"id": "a1", "content": FIRST.replace("4.215,6", "4.216,6"), "title": "Thu ngân sách", "date": "2025-07-08 09:15", "url": "http://x.vn/1"},
            {"id": "a2", "content": THIRD, "title": "Tuyển sinh lớp 1", "date": "2025-08-22", "url": "http://x.vn/2"}]


def write_inputs(folder: Path) -> dict[str, Path]:
    """One small input of every kind."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    paths["txt"] = folder / "one.txt"
    paths["txt"].write_text(FIRST, encoding="utf-8")
    paths["html"] = folder / "page.html"
    paths["html"].write_text(HTML, encoding="utf-8")
    paths["jsonl"] = folder / "news.jsonl"
    paths["jsonl"].write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _records()) + "\n", encoding="utf-8")
    paths["json"] = folder / "news.json"
    paths["json"].write_text(json.dumps({"articles": _records()}, ensure_ascii=False), encoding="utf-8")
    paths["csv"] = folder / "news.csv"
    pd.DataFrame(_records()).to_csv(paths["csv"], index=False)
    paths["parquet"] = folder / "news.parquet"
    pd.DataFrame(_records()).to_parquet(paths["parquet"], index=False)
    paths["warc"] = folder / "crawl.warc.gz"
    paths["warc"].write_bytes(_warc([("http://x.vn/lua", HTML)]))
    paths["zip"] = folder / "bundle.zip"
    with zipfile.ZipFile(paths["zip"], "w") as archive:
        archive.writestr("a/one.txt", FIRST)
        archive.writestr("b/page.htm", HTML)
        archive.writestr("c/news.jsonl", paths["jsonl"].read_text(encoding="utf-8"))
    paths["tar.gz"] = folder / "bundle.tar.gz"
    with tarfile.open(paths["tar.gz"], "w:gz") as archive:
        for name, data in (("x/three.txt", THIRD.encode()), ("x/crawl.warc.gz", paths["warc"].read_bytes()),
                           ("../../escape.txt", SECOND.encode())):  # a hostile name: a label only
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return paths


def _items(path: Path, fields=None):
    return list(read_paths([path], fields))


KINDS = [("txt", 1), ("html", 1), ("jsonl", 2), ("json", 2), ("csv", 2), ("parquet", 2), ("warc", 1),
         ("zip", 4), ("tar.gz", 3)]


@pytest.mark.parametrize(("kind", "articles"), KINDS, ids=[k for k, _ in KINDS])
def test_each_input_kind_yields_its_articles(tmp_path, kind, articles):
    path = write_inputs(tmp_path)[kind]
    docs = [i for i in _items(path) if isinstance(i, RawDocument)]
    assert len(docs) == articles
    assert not [i for i in _items(path) if isinstance(i, ReadFailure)]
    for doc in docs:
        assert doc.source == str(path)
        assert len(doc.text) > 200


def test_provenance_of_members_and_records(tmp_path):
    paths = write_inputs(tmp_path)
    records = [i for i in _items(paths["jsonl"]) if isinstance(i, RawDocument)]
    assert [(d.name, d.record) for d in records] == [("news.jsonl#a1", "line 1"), ("news.jsonl#a2", "line 2")]
    assert records[0].meta == {"title": "Thu ngân sách", "published": "2025-07-08 09:15", "url": "http://x.vn/1"}
    rows = [i for i in _items(paths["csv"]) if isinstance(i, RawDocument)]
    assert [d.record for d in rows] == ["row 0", "row 1"]
    members = [i for i in _items(paths["tar.gz"]) if isinstance(i, RawDocument)]
    assert [d.member for d in members] == ["x/three.txt", "x/crawl.warc.gz", "../../escape.txt"]
    assert members[1].record.startswith("offset ") and members[1].meta["url"] == "http://x.vn/lua"
    assert not (tmp_path.parent / "escape.txt").exists()  # member names are never written to
    skipped = [i for i in _items(paths["warc"]) if isinstance(i, Skipped)]
    assert len(skipped) == 2  # the request and the image


def test_html_through_trafilatura(tmp_path):
    (doc,) = _items(write_inputs(tmp_path)["html"])
    assert doc.meta["title"] == "Huyện Đồi Thông thắng lớn vụ lúa"
    assert doc.meta["author"] == "Lê Văn Tám" and doc.meta["published"] == "2025-03-04"
    assert "Trang chủ" not in doc.text and "Lượt xem" not in doc.text
    assert "12.850 ha" in doc.text


def test_field_mapping(tmp_path):
    path = tmp_path / "nested.jsonl"
    path.write_text(json.dumps({"body": {"content": FIRST}, "meta": {"when": "2025-07-08", "headline": "Tin A"}},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert isinstance(_items(path)[0], ReadFailure)  # no text where it is looked for by default
    fields = parse_field_mapping(["text=body.content", "published=meta.when", "title=meta.headline"])
    (doc,) = _items(path, fields)
    assert doc.text == FIRST and doc.meta == {"published": "2025-07-08", "title": "Tin A"}
    with pytest.raises(InputError, match="NAME=PATH"):
        parse_field_mapping(["words=body"])


def test_mixed_call_into_sql_with_metadata(tmp_path):
    paths = write_inputs(tmp_path / "in")
    db = tmp_path / "v.db"
    summary = run(list(paths.values()), Options(db=str(db)))
    # distinct contents: one.txt, the HTML page (in .html, .htm and the WARCs), the two records (in
    # .jsonl, .json, .csv, .parquet and the zip), and the tar's escape.txt; the rest repeats them
    assert summary.failed == 0 and summary.ingested == 5
    assert summary.ingested + summary.skipped == sum(n for _, n in KINDS)
    assert summary.not_articles == 4  # WARC requests and images, in the file and in the tar
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT name, member, record, title, published, url FROM articles "
                                  "WHERE name LIKE 'news.jsonl#%' ORDER BY name").fetchall()
    assert rows == [("news.jsonl#a1", None, "line 1", "Thu ngân sách", "2025-07-08T09:15", "http://x.vn/1"),
                    ("news.jsonl#a2", None, "line 2", "Tuyển sinh lớp 1", "2025-08-22", "http://x.vn/2")]


def test_corrupt_member_and_truncated_gzip_are_recorded_and_the_rest_ingested(tmp_path):
    folder = tmp_path / "in"
    paths = write_inputs(folder)
    # a zip whose second member's data is damaged (its CRC no longer matches)
    good = zipfile.ZipFile(paths["zip"])
    broken = folder / "broken.zip"
    with zipfile.ZipFile(broken, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ok.txt", THIRD)
        archive.writestr("bad.txt", good.read("a/one.txt"))
    data = bytearray(broken.read_bytes())
    offset = data.find(b"bad.txt") + len(b"bad.txt") + 40
    data[offset:offset + 20] = b"\x00" * 20
    broken.write_bytes(bytes(data))
    # a tar.gz cut in half
    truncated = folder / "cut.tar.gz"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for i, text in enumerate((FIRST, SECOND, THIRD) * 3):
            payload = (text + f"\n\nbản {i}").encode()
            info = tarfile.TarInfo(f"n{i}.txt")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
    truncated.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    db = tmp_path / "v.db"
    summary = run([broken, truncated, paths["txt"]], Options(db=str(db)))
    with sqlite3.connect(db) as connection:
        failures = connection.execute("SELECT source, member, reason FROM failures").fetchall()
        names = {n for (n,) in connection.execute("SELECT name FROM articles")}
    assert any(s.endswith("broken.zip") and m == "bad.txt" for s, m, _ in failures)
    assert any(s.endswith("cut.tar.gz") for s, _, _ in failures)
    assert {"ok.txt", "one.txt", "n0.txt"} <= names  # what could be read is stored
    assert summary.failed == len(failures)


def test_same_rows_with_one_worker_and_with_two(tmp_path):
    paths = write_inputs(tmp_path / "in")

    def table(db):
        with sqlite3.connect(db) as connection:
            return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                    for t in ("figures", "dates", "locality_mentions", "officials", "documents", "sentences")}, \
                connection.execute("SELECT name, content_hash, text FROM articles ORDER BY id").fetchall()

    run(list(paths.values()), Options(db=str(tmp_path / "one.db"), workers=1))
    run(list(paths.values()), Options(db=str(tmp_path / "two.db"), workers=2, batch_size=2))
    assert table(tmp_path / "one.db") == table(tmp_path / "two.db")


def _bench_corpus(folder: Path, count: int) -> None:
    sys.path.insert(0, str(REPO))
    from bench.corpus import write_corpus

    write_corpus(folder, count, seed=11)


def _counts(db: Path) -> tuple[int, int, int]:
    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone()
        orphans = connection.execute("SELECT COUNT(*) FROM figures f LEFT JOIN articles a ON a.id = f.article_id "
                                     "WHERE a.id IS NULL").fetchone()[0]
    return articles[0], articles[1], orphans


@pytest.mark.parametrize("how", ["sigkill", "sigint"])
def test_interrupted_run_resumes_without_duplicates_or_loss(tmp_path, how):
    corpus = tmp_path / "corpus"
    _bench_corpus(corpus, 240)
    db = tmp_path / "v.db"
    command = [sys.executable, "-m", "vnstats", "ingest", str(corpus), "--db", str(db),
               "--workers", "2", "--quiet"]
    # a session of its own, so that the signal reaches the run and its workers as a terminal's would
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until some articles are committed
        time.sleep(0.5)
        if db.exists():
            try:
                if _counts(db)[0] >= 100:
                    break
            except sqlite3.OperationalError:
                pass
    stopped_at = time.time()
    if how == "sigkill":  # kill -9 of the run and its workers
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    else:  # Ctrl-C
        os.killpg(process.pid, signal.SIGINT)
        code = process.wait(timeout=30)
        assert time.time() - stopped_at < 10  # Ctrl-C stops within a few seconds
        assert code == 130
        assert b"interrupted: run the same command again" in process.stdout.read()
    stored, distinct, orphans = _counts(db)
    assert stored == distinct and orphans == 0 and stored < 240
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    stored, distinct, orphans = _counts(db)
    assert (stored, distinct, orphans) == (240, 240, 0)
    assert "failed 0" in again.stdout


def test_a_lock_held_by_another_writer_is_waited_out(tmp_path):
    corpus = tmp_path / "corpus"
    _bench_corpus(corpus, 60)
    db = tmp_path / "v.db"
    run([SAMPLES], Options(db=str(db)))   # the database exists
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")      # another writer holds the database
    process = subprocess.Popen([sys.executable, "-m", "vnstats", "ingest", str(corpus), "--db", str(db),
                                "--workers", "1", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=tmp_path)
    time.sleep(4)
    holder.execute("COMMIT")
    holder.close()
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert "ingested 60, skipped 0 (already stored), failed 0" in out


def test_an_unwritable_database_is_one_line_and_a_failure_exit(tmp_path):
    db = tmp_path / "v.db"
    run([SAMPLES], Options(db=str(db)))
    db.chmod(0o444)
    if os.access(db, os.W_OK):
        pytest.skip("running as root: the file stays writable")
    result = subprocess.run([sys.executable, "-m", "vnstats", "ingest", str(REPO / "tests" / "data" /
                             "corpus" / "work" / "nA01.txt"), "--db", str(db), "--quiet"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_die_with_their_parent(tmp_path):
    corpus = tmp_path / "corpus"
    _bench_corpus(corpus, 400)
    process = subprocess.Popen([sys.executable, "-m", "vnstats", "ingest", str(corpus), "--db",
                                str(tmp_path / "v.db"), "--workers", "2", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    deadline, workers = time.time() + 60, set()
    while time.time() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children(process.pid)
    assert workers, "no worker started"
    os.kill(process.pid, signal.SIGKILL)   # the run only, not its workers
    process.wait(timeout=30)

    def running(pid: int) -> bool:
        try:
            return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
        except OSError:
            return False

    deadline = time.time() + 20
    while time.time() < deadline and any(running(w) for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if running(w)]


# --- where plain-text pages came from: a folder's list of sources ----------------------------
MANIFEST_LINES = [
    ("dev-style", "- 001.txt | https://baoabc.vn/tin-1.html | Tiêu đề", {"001.txt": "https://baoabc.vn/tin-1.html"}),
    ("corpus-style", "- nX01.txt | work | http://abc.gov.vn/a?id=1&l=2 | budget | Tỉnh A | 2020 | T",
     {"nX01.txt": "http://abc.gov.vn/a?id=1&l=2"}),
    ("csv", "002.html,https://abc.vn/b.html,title", {"002.html": "https://abc.vn/b.html"}),
    ("markdown-link", "- 003.txt: [trang](https://abc.vn/c.html).", {"003.txt": "https://abc.vn/c.html"}),
    ("no-address", "- 004.txt | undated | Tiêu đề", {}),
    ("no-file", "Nguồn: https://abc.vn/d.html", {}),
]


@pytest.mark.parametrize(("line", "expected"), [r[1:] for r in MANIFEST_LINES], ids=[r[0] for r in MANIFEST_LINES])
def test_manifest_line(line, expected):
    from vnstats.corpus.manifest import parse_manifest

    assert parse_manifest(line) == expected


def test_a_folders_list_of_sources_gives_each_page_its_address_and_province(tmp_path):
    """A folder of .txt pages and its SOURCES.md, ingested: each article keeps
    its address, and a page that says only "toàn tỉnh" is about the province
    its provincial paper serves."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("Xuất khẩu tăng\n\nKim ngạch xuất khẩu toàn tỉnh đạt 2,5 tỷ USD.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Thu ngân sách\n\nThu ngân sách toàn tỉnh đạt 900 tỷ đồng.\n", encoding="utf-8")
    (folder / "SOURCES.md").write_text("- a.txt | https://baothainguyen.vn/kinh-te/xuat-khau-tang-1.html | x\n",
                                       encoding="utf-8")
    db = tmp_path / "v.db"
    summary = run([folder], Options(db=str(db)))
    assert summary.ingested == 2 and summary.failed == 0
    with sqlite3.connect(db) as connection:
        urls = connection.execute("SELECT name, url FROM articles ORDER BY name").fetchall()
        rows = connection.execute("SELECT article, value, locality FROM facts ORDER BY article").fetchall()
    assert urls == [("a.txt", "https://baothainguyen.vn/kinh-te/xuat-khau-tang-1.html"), ("b.txt", None)]
    assert rows == [("a.txt", 2.5e9, "Tỉnh Thái Nguyên"), ("b.txt", 9e11, None)]
