"""The statistical stage: training data from labels, training, the shipped
model, and the stage in the pipeline (extract/model.py, review/training.py)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from vnstats.extract import model
from vnstats.extract.localities import extract_localities, resolve_proposed
from vnstats.extract.officials import officials_for_names
from vnstats.review.labels import read_label_dir
from vnstats.review.training import blank_nlp, convert, train
from tests.conftest import SEEDS, SHARED, require_shared

SEED_LABELS = SHARED / "labels" / "seeds"


# --- training data ----------------------------------------------------------------

def test_seed_labels_become_spans_on_token_boundaries():
    require_shared()
    conversion = convert(SEED_LABELS, SEEDS, blank_nlp().vocab)
    gold = read_label_dir(SEED_LABELS).docs
    names = {o["name"] for doc in gold.values() for o in doc["officials"]}
    places = {loc["text"].replace("Ð", "Đ") for doc in gold.values() for loc in doc["localities"]}
    entities = [(e.label_, e.text) for doc in conversion.docs for e in doc.ents]
    # every official and place of the seeds is placed, each span is one of them
    assert {text for label, text in entities if label == "PER"} == names
    assert {text for label, text in entities if label == "LOC"} == places
    assert conversion.missed["PER"] == conversion.missed["LOC"] == 0
    subjects = [span.text for doc in conversion.docs for span in doc.spans[model.SPANS_KEY]]
    assert len(subjects) >= 60 and "cán bộ nữ" in subjects
    # what cannot be placed is reported, one line naming the label file
    assert conversion.missed["SUBJ"] == len(conversion.problems) >= 1
    assert all(p.startswith(str(SEED_LABELS)) and "\n" not in p for p in conversion.problems)


def test_a_span_off_the_token_boundaries_is_reported_not_stretched(tmp_path):
    (tmp_path / "a.txt").write_text("Tin\nÔng Nguyễn Văn An, Chủ tịch UBND xã, có 12 hộ nghèo.\n", encoding="utf-8")
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "a.json").write_text(json.dumps({
        "article": "a.txt", "figures": [], "dates": [], "documents": [],
        "localities": [], "officials": [{"name": "Nguyễn Văn A", "titles": ["Chủ tịch UBND xã"]}]},
        ensure_ascii=False), encoding="utf-8")
    conversion = convert(labels, tmp_path, blank_nlp().vocab)
    assert [e.text for doc in conversion.docs for e in doc.ents] == []
    assert any("'Nguyễn Văn A'" in p for p in conversion.problems)


# --- the rules decide what a proposal becomes --------------------------------------

PROPOSED_NAMES = [
    ("rule-name-with-a-title-after", "Đồng chí Y Thị Bích Thọ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy phát biểu.",
     "Y Thị Bích Thọ", ["Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"]),
    ("rule-name-with-a-title-before", "Phó Chủ tịch UBND huyện A Sáng dự hội nghị.", "A Sáng",
     ["Phó Chủ tịch UBND huyện"]),
    ("not-a-name-without-an-office", "Cụ bà Tráng Thị Tâu năm nay 101 tuổi.", "Tráng Thị Tâu", None),
]


@pytest.mark.parametrize(("sentence", "name", "titles"), [(s, n, t) for _, s, n, t in PROPOSED_NAMES],
                         ids=[i for i, _, _, _ in PROPOSED_NAMES])
def test_a_proposed_name_is_kept_only_with_an_office(sentence, name, titles):
    start = sentence.index(name)
    found = officials_for_names(sentence, 100, [(start, start + len(name))])
    if titles is None:
        assert found == []
    else:
        (official,) = found
        assert (official.name, [t.text for t in official.titles], official.stage, official.start) == \
            (name, titles, "model", 100 + start)


def test_a_proposed_place_is_kept_only_where_the_gazetteer_resolves_it():
    day = date(2019, 5, 2)
    known = extract_localities([("Tỉnh Bến Tre có dịch tiêu chảy.", 0)], day)
    found = resolve_proposed([("Giồng Trôm", 40), ("huyện Ba Tri", 60), ("Hà Lam", 80), ("Bến Thành", 90),
                              ("xã Ba Biển", 100)], known, day)   # a made-up name whose prefix "xã Ba" is a unit
    assert [(m.text, m.unit_id, m.stage) for m in found] == [
        ("Giồng Trôm", "before_2025:district:834", "model"), ("huyện Ba Tri", "before_2025:district:836", "model")]


# --- training -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Two tiny models trained on the seeds with one seed, a third with another."""
    require_shared()
    out = tmp_path_factory.mktemp("tiny")
    runs = [train([(SEED_LABELS, SEEDS)], out / name, held=(SEED_LABELS, SEEDS), seed=seed, epochs=3)
            for name, seed in (("a", 0), ("b", 0), ("c", 1))]
    return runs


def test_a_tiny_model_trained_on_the_seeds_loads_and_predicts(tiny):
    nlp = model.load(str(tiny[0].out))
    assert nlp.pipe_names == ["tok2vec", "ner", "spancat"]
    doc = nlp(model.sentence_doc(nlp.vocab, "Đồng chí Vũ Đức Bảo, Trưởng ban Tổ chức Thành ủy Hà Nội, có 3.200 cán bộ."))
    assert doc.has_annotation("ENT_IOB") and model.SPANS_KEY in doc.spans
    assert set(tiny[0].scores) == {"PER", "LOC", "SUBJ"}
    assert json.loads((tiny[0].out / "scores.json").read_text())["scores"] == tiny[0].scores


def test_training_twice_with_one_seed_gives_the_same_model(tiny):
    first, again, other = tiny
    assert first.scores == again.scores
    assert (first.out / "ner" / "model").read_bytes() == (again.out / "ner" / "model").read_bytes()
    assert (first.out / "ner" / "model").read_bytes() != (other.out / "ner" / "model").read_bytes()


def test_train_refuses_an_empty_folder(tmp_path):
    (tmp_path / "labels").mkdir()
    with pytest.raises(ValueError, match="no labeled sentences"):
        train([(tmp_path / "labels", tmp_path)], tmp_path / "out", epochs=1)


# --- the shipped model and the stage in the pipeline --------------------------------

def test_the_shipped_model_is_small_and_records_its_scores():
    assert model.available()
    size = sum(p.stat().st_size for p in model.MODEL_DIR.rglob("*") if p.is_file())
    assert size < 8_000_000
    recorded = json.loads((model.MODEL_DIR / "scores.json").read_text())
    assert recorded["seed"] == 0 and set(recorded["scores"]) == {"PER", "LOC", "SUBJ"}


def test_stage_columns_say_who_found_each_mention(tmp_path):
    require_shared()
    from vnstats.pipeline import Options, run

    rules, both = tmp_path / "rules.db", tmp_path / "both.db"
    run([SEEDS], Options(db=str(rules)))
    run([SEEDS], Options(db=str(both), stages="rules+model"))
    with sqlite3.connect(rules) as connection:
        stages = connection.execute(
            "SELECT DISTINCT stage FROM figures UNION SELECT DISTINCT stage FROM locality_mentions "
            "UNION SELECT DISTINCT stage FROM official_mentions UNION SELECT DISTINCT stage FROM dates").fetchall()
        assert stages == [("rule",)]
        assert connection.execute("SELECT DISTINCT subject_stage FROM figures WHERE subject IS NOT NULL"
                                  ).fetchall() == [("rule",)]
    with sqlite3.connect(both) as connection:
        versions = connection.execute("SELECT DISTINCT extractor_version FROM articles").fetchall()
        assert len(versions) == 1 and "+model." in versions[0][0]
        # the model only adds: every rule row is there as it was
        for table, columns in (("figures", "text, value, start"), ("locality_mentions", "text, start"),
                               ("official_mentions", "start, \"end\"")):
            query = f"SELECT {columns} FROM {table} WHERE stage = 'rule' ORDER BY 1, 2"
            with sqlite3.connect(rules) as plain:
                assert connection.execute(query).fetchall() == plain.execute(query).fetchall()


def test_unknown_stages_are_refused():
    from vnstats.corpus.clean import build_article
    from vnstats.extract import extract_article

    with pytest.raises(ValueError, match="unknown stages"):
        extract_article(build_article("a", "a", "Có 12 xã."), "model")


def test_training_again_reproduces_the_shipped_model(tmp_path):
    """The README's `vnstats train` command, run from this checkout, gives
    the shipped model's held-apart scores (within 0.01; in fact the same bytes)."""
    require_shared()
    from click.testing import CliRunner

    from vnstats.cli import main
    from tests.conftest import REPO

    data = REPO / "tests" / "data"
    args = ["train", "--labels", str(SEED_LABELS), "--articles", str(SEEDS),
            "--labels", str(SHARED / "labels" / "dev"), "--articles", str(SHARED / "corpus" / "dev"),
            "--labels", str(data / "labels" / "work"), "--articles", str(data / "corpus" / "work"),
            "--held-labels", str(data / "labels" / "heldout"), "--held-articles", str(data / "corpus" / "heldout"),
            "--out", str(tmp_path / "model")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    shipped = json.loads((model.MODEL_DIR / "scores.json").read_text())["scores"]
    again = json.loads((tmp_path / "model" / "scores.json").read_text())["scores"]
    for label, values in shipped.items():
        for key in ("p", "r", "f"):
            assert again[label][key] == pytest.approx(values[key], abs=0.01)
    assert "| PER" in result.output and "wrote the model to" in result.output


def test_evaluate_compares_the_stages_on_the_same_articles():
    require_shared()
    from click.testing import CliRunner

    from vnstats.cli import main

    result = CliRunner().invoke(main, ["evaluate", "--labels", str(SEED_LABELS), "--articles", str(SEEDS),
                                       "--stages", "compare", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["figures F1"] == {"rules": 1.0, "rules+model": 1.0}
    assert set(scores["figures: subject token-F1"]) == {"rules", "rules+model"}
