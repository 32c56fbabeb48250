"""The README's example queries print what the README says they print
(samples and seeds ingested), so the documentation stays true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnstats.pipeline import Options, run
from vnstats.cli import main
from tests.conftest import SAMPLES, SEEDS, require_shared

README = Path(__file__).parent.parent / "README.md"
SECTION = README.read_text(encoding="utf-8").split("## Example queries", 1)[1].split("\n## ", 1)[0]
# `failures` needs a broken input of its own; the ingest tests cover it
EXAMPLES = [(m.group(1), m.group(2).rstrip()) for m in
            re.finditer(r'```\n\$ vnstats query "([^\n]*)"\n(.*?)```', SECTION, flags=re.S)
            if "FROM failures" not in m.group(1)]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    require_shared()
    path = tmp_path_factory.mktemp("readme") / "v.db"
    run([SAMPLES, SEEDS], Options(db=str(path)))
    return path


def test_readme_has_examples():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize(("sql", "printed"), EXAMPLES, ids=[f"query-{i}" for i in range(len(EXAMPLES))])
def test_readme_query_prints_what_the_readme_shows(db, sql, printed):
    result = CliRunner().invoke(main, ["query", "--db", str(db), sql])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip() == printed


DEV_EXAMPLE = re.search(r'```\n\$ vnstats query --db dev\.db "([^\n]*)"\n(.*?)```',
                        README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_grouped_query_over_the_dev_articles(tmp_path):
    require_shared()
    from tests.conftest import SHARED
    db = tmp_path / "dev.db"
    run([SHARED / "corpus" / "dev"], Options(db=str(db)))
    sql, printed = DEV_EXAMPLE.group(1), DEV_EXAMPLE.group(2).rstrip()
    result = CliRunner().invoke(main, ["query", "--db", str(db), sql])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip() == printed
