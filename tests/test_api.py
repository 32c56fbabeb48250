"""The Python API (`import vnstats`), `vnstats --version`, `vnstats ingest -`,
and the built wheel installed into a fresh venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import vnstats
from tests.conftest import REPO, SAMPLES

TEXT = "Năm 2023, huyện Điện Biên có 12 xã đạt chuẩn nông thôn mới; thu ngân sách đạt 1.200 tỷ đồng, tăng 5%."


def test_extract_one_string():
    result = vnstats.extract(TEXT)
    assert [(f.text, f.value, f.unit, f.subject, f.where, f.when) for f in result.figures] == [
        ("12 xã", 12, "xã", "xã đạt chuẩn nông thôn mới", "Huyện Điện Biên", ("2023", "2023")),
        ("1.200 tỷ đồng", 1.2e12, "VND", "thu ngân sách", "Huyện Điện Biên", ("2023", "2023")),
        ("5%", 5, "%", "thu ngân sách", "Huyện Điện Biên", ("2023", "2023")),
    ]
    figure = result.figures[1]
    assert result.text[figure.start:figure.end] == figure.text   # the raw text beside the value
    assert [(l.text, l.name, l.level, l.code) for l in result.localities] == \
        [("huyện Điện Biên", "Huyện Điện Biên", "district", "100")]
    assert [(d.text, d.start_date) for d in result.dates] == [("Năm 2023", "2023")]
    assert result.figures[2].change == "up" and result.figures[2].compared_to == "previous"


def test_extract_with_a_publication_date():
    result = vnstats.extract("Sáng 2/5, huyện có 12 xã.", published="2024-05-03")
    assert [(d.text, d.start_date) for d in result.dates] == [("Sáng 2/5", "2024-05-02")]


def test_extract_many_keeps_the_order():
    texts = [f"Huyện có {i} xã." for i in range(1, 30)]
    values = [r.figures[0].value for r in vnstats.extract_many(texts, workers=2)]
    assert values == list(range(1, 30))


def test_ingest_and_connect(tmp_path):
    db = str(tmp_path / "v.db")
    summary = vnstats.ingest([SAMPLES], db=db)
    assert summary.ingested == 3 and summary.failed == 0
    connection = vnstats.connect(db)
    facts = connection.facts()
    assert len(facts) == summary.figures
    assert str(facts["year"].dtype) == "Int64"           # a year, never 2017.0
    assert str(facts["value"].dtype) == "float64"
    assert list(connection.query("SELECT COUNT(*) AS n FROM articles")["n"]) == [3]
    with pytest.raises(Exception, match="no database"):
        vnstats.connect(str(tmp_path / "missing.db"))


def test_version_and_stdin(tmp_path):
    version = subprocess.run([sys.executable, "-m", "vnstats", "--version"], capture_output=True,
                             text=True)
    assert version.returncode == 0 and version.stdout.strip() == f"vnstats, version {vnstats.__version__}"
    db = tmp_path / "s.db"
    result = subprocess.run([sys.executable, "-m", "vnstats", "ingest", "-", "--db", str(db), "--quiet"],
                            input=TEXT, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "ingested 1" in result.stdout
    names = vnstats.connect(str(db)).query("SELECT name, source FROM articles")
    assert names.values.tolist() == [["stdin.txt", "<stdin>"]]


def test_built_wheel_in_a_fresh_venv(tmp_path):
    """The wheel holds everything `import vnstats` and the `vnstats` command
    need. The dependencies come from this environment (a .pth file), so the
    test needs no network."""
    dist = tmp_path / "dist"
    # from a copy of the sources: a build/ folder left by an earlier build would leak old files into the wheel
    source = tmp_path / "source"
    shutil.copytree(REPO, source, symlinks=True,
                    ignore=shutil.ignore_patterns(".venv", "build", ".git", "*.egg-info", "__pycache__", "*.db"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(dist), str(source)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = dist.glob("vnstats-*.whl")
    # one import name in site-packages: the folders are vnstats.extract, vnstats.store, …
    with zipfile.ZipFile(wheel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist() if not name.split("/")[0].endswith(".dist-info")}
        members = set(archive.namelist())
    assert tops == {"vnstats"}
    assert {"vnstats/pipeline.py", "vnstats/extract/figures.py", "vnstats/patterns/subjects.toml",
            "vnstats/corpus/samples/001_ngan_sach_song_lam.txt", "vnstats/store/db.py", "vnstats/review/score.py"} <= members
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]
    # this environment's packages, but not its editable vnstats: only the wheel's copy may be found
    (Path(site) / "deps.pth").write_text(deps + "\n", encoding="utf-8")
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    env = {**os.environ, "PYTHONNOUSERSITE": "1"}
    env.pop("PYTHONPATH", None)
    check = subprocess.run([str(python), "-I", "-c",
                            "import vnstats, os; r = vnstats.extract('Huyện Điện Biên có 12 xã.'); "
                            "print(r.figures[0].value, r.figures[0].where, "
                            "os.path.dirname(vnstats.__file__).startswith(os.path.dirname(os.__file__)) "
                            "or 'site-packages' in vnstats.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=env)
    assert check.returncode == 0, check.stderr[-2000:]
    assert check.stdout.split() == ["12.0", "Huyện", "Điện", "Biên", "True"]
    version = subprocess.run([str(venv / "bin" / "vnstats"), "--version"], capture_output=True, text=True,
                             cwd=tmp_path, env=env)
    assert version.returncode == 0 and "vnstats, version" in version.stdout
    # the README's Python section, run as written (from a copy of the repository's samples)
    readme = (REPO / "README.md").read_text(encoding="utf-8").split("## Python", 1)[1]
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    printed = readme.split("prints\n\n```\n", 1)[1].split("```", 1)[0]
    work = tmp_path / "work"
    shutil.copytree(SAMPLES, work / "corpus" / "samples")
    (work / "example.py").write_text(code, encoding="utf-8")
    run = subprocess.run([str(python), "-I", "example.py"], capture_output=True, text=True, cwd=work, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout == printed
