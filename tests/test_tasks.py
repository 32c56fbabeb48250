"""Inputs cut into cluster tasks (corpus.tasks): the tasks, read one by one,
give exactly the articles and failures a whole reading gives, in order."""

from __future__ import annotations

import json
import zipfile

import pytest

from vnstats.corpus.readers import RawDocument, read_paths
from vnstats.corpus.tasks import Task, plan_tasks, read_task
from tests.test_inputs import HTML, _warc, write_inputs


def _key(item) -> tuple:
    # a JSONL byte range labels its records by offset, a whole reading by line
    record = getattr(item, "record", None)
    return (type(item).__name__, item.source, getattr(item, "member", None),
            None if record and record.startswith(("line", "offset")) and item.source.endswith(".jsonl") else record,
            getattr(item, "text", None))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tasks")
    write_inputs(folder / "kinds")
    pages = [(f"http://x.vn/{i}", HTML.replace("lúa", f"lúa {i}")) for i in range(120)]
    (folder / "big.warc.gz").write_bytes(_warc(pages))
    lines = [json.dumps({"content": f"Huyện A có {i} xã đạt chuẩn nông thôn mới năm 2024.", "id": str(i)},
                        ensure_ascii=False) for i in range(1500)]
    (folder / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "big.zip", "w") as archive:
        for i in range(90):
            archive.writestr(f"m/{i}.txt", f"Tỉnh B có {i} trường đạt chuẩn quốc gia trong năm học 2023-2024.")
    return folder


@pytest.mark.parametrize("sizes", [{}, {"files_per_task": 3, "members_per_task": 7, "bytes_per_task": 9_000},
                                   {"files_per_task": 1, "members_per_task": 1, "bytes_per_task": 1_000}],
                         ids=["default", "small", "tiny"])
def test_tasks_read_what_the_whole_reading_reads(inputs, sizes):
    whole = [_key(item) for item in read_paths([inputs])]
    tasks = list(plan_tasks([inputs], **sizes))
    assert all(isinstance(t, Task) for t in tasks) and [t.index for t in tasks] == list(range(len(tasks)))
    parts = [_key(item) for task in tasks for item in read_task(task)]
    assert parts == whole   # the same items, in the same order
    assert sum(isinstance(item, RawDocument) for item in read_paths([inputs])) > 1700
    if sizes:
        kinds = {t.kind for t in tasks}
        assert {"zip", "jsonl", "warc.gz"} <= kinds and len(tasks) > 10
