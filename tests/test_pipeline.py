"""The events table of a folder: recursion, skips, duplicates and the extraction cache."""

import os
import shutil
from types import SimpleNamespace

import pandas as pd
import pytest

from analytics import analysis as analysis_module
from analytics import classifying, extracting, pipeline, quality
from analytics.extract.event import EVENT_COLUMNS
from analytics.pipeline import load_corpus
from tests.conftest import SMALL_REPORTS, report_text


def test_reads_folder_recursively_one_row_per_report(make_corpus, settings):
    folder = make_corpus(
        {
            **SMALL_REPORTS,
            "sub/dir/again.txt": SMALL_REPORTS["nairobi.txt"]
            .replace("Nairobi", "Kampala")
            .replace("Kenya", "Uganda"),
        }
    )
    result = load_corpus([folder], settings)
    assert list(result.events.columns) == list(EVENT_COLUMNS)
    assert len(result.events) == 5
    assert "corpus/sub/dir/again.txt" in set(result.events["source"])
    row = result.events.set_index("source").loc["corpus/sub/dir/again.txt"]
    assert (row["city"], row["iso3"]) == ("Kampala", "UGA")
    assert row["date"] == pd.Timestamp("2015-03-03")


def test_dtypes(make_corpus, settings):
    events = load_corpus([make_corpus()], settings).events
    for column, dtype in EVENT_COLUMNS.items():
        assert str(events[column].dtype) == dtype, column


def test_duplicates_appear_once(make_corpus, settings):
    folder = make_corpus(
        {"a.txt": SMALL_REPORTS["nairobi.txt"], "b.txt": SMALL_REPORTS["nairobi.txt"]}
    )
    result = load_corpus([folder], settings)
    assert len(result.events) == 1 and result.duplicates == 1


def test_bad_files_are_reported_and_the_rest_read(make_corpus, settings):
    folder = make_corpus({
        **SMALL_REPORTS,
        "empty.txt": "",
        "image.html": b"\x89PNG\r\n\x1a\n\x00\x00",
        "notes.rtf": "{\\rtf1}",
        "table.csv": "title,body\nOne,The meeting took place in Lima on 3 May 2018.\nTwo,\n",
        ".hidden.txt": "ignored",
        "SOURCES.csv": "file,event_id\n",
    })  # fmt: skip
    result = load_corpus([folder], settings)
    reasons = dict(zip(result.ingest_report["source"], result.ingest_report["reason"], strict=True))
    assert reasons == {
        "corpus/empty.txt": "empty file",
        "corpus/image.html": "binary content: this is a PNG image, not text",
        "corpus/notes.rtf": "unsupported file type .rtf",
        "corpus/table.csv#1": "table row has no text",
    }
    assert len(result.events) == len(SMALL_REPORTS) + 1


def test_size_limit(make_corpus, settings):
    result = load_corpus([make_corpus()], settings.replace(max_file_mb=0.0001))
    assert result.events.empty
    assert all("larger than" in s.reason for s in result.skipped)


def test_cache_reprocesses_only_changed_files(make_corpus, settings, monkeypatch):
    folder = make_corpus()
    first = load_corpus([folder], settings)
    calls = []
    original = extracting.extract_file
    monkeypatch.setattr(
        extracting,
        "extract_file",
        lambda data, name, *rest: calls.append(name) or original(data, name, *rest),
    )
    (folder / "lome.md").write_text(SMALL_REPORTS["lome.md"] + "\nOne more line.\n")
    second = load_corpus([folder], settings)
    assert calls == ["corpus/lome.md"]
    assert len(second.events) == len(first.events)
    pd.testing.assert_frame_equal(
        first.events.drop(columns=["doc_id", "text", "n_words"]).reset_index(drop=True),
        second.events.drop(columns=["doc_id", "text", "n_words"]).reset_index(drop=True),
    )


def test_failed_file_leaves_no_cache_entry(make_corpus, settings):
    cache = settings.cache_dir
    load_corpus([make_corpus({"empty.txt": ""})], settings)
    assert not list(cache.glob("events/part-*.parquet"))
    assert not list(cache.rglob("*.tmp"))


ALIAS_CASES = [
    # (setting, report body, column, before, line added to the table, after)
    ("region_aliases_file",
     "The Sahel Customs Group met in Paris, France, on 2 May 2018 to discuss transit.",
     "region", "Europe", "Sahel Customs Group,West and Central Africa",
     "West and Central Africa"),
    ("country_aliases_file",
     "The workshop was held in Zedland on 2 May 2018 and discussed revenue.",
     "iso3", "", "Zedland,KEN", "KEN"),
]  # fmt: skip


@pytest.mark.parametrize(("setting", "body", "column", "before", "line", "after"), ALIAS_CASES)
def test_changing_an_aliases_table_re_extracts_cached_reports(
    make_corpus, settings, tmp_path, setting, body, column, before, line, after
):
    table = tmp_path / "aliases.csv"
    shutil.copy(getattr(settings, setting), table)
    settings = settings.replace(**{setting: table})
    folder = make_corpus({"r.txt": report_text("A meeting", "3 May 2018", body)})
    assert load_corpus([folder], settings).events.loc[0, column] == before
    with table.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    cached = load_corpus([folder], settings).events.loc[0, column]
    uncached = load_corpus([folder], settings, cache=False).events.loc[0, column]
    assert cached == uncached == after


def test_a_report_the_extractor_fails_on_is_skipped_and_named(make_corpus, settings, monkeypatch):
    original = extracting.extract_event

    def failing(document, gaz):
        if "Lomé" in document.text:
            raise ValueError("unexpected layout")
        return original(document, gaz)

    monkeypatch.setattr(extracting, "extract_event", failing)
    result = load_corpus([make_corpus()], settings)
    assert len(result.events) == len(SMALL_REPORTS) - 1
    (skip,) = result.skipped
    assert skip.source == "corpus/lome.md"
    assert skip.reason == "could not be analysed (ValueError: unexpected layout); please report it"


def _many_reports(n: int) -> dict[str, str]:
    return {
        f"r{i:02d}.txt": SMALL_REPORTS["nairobi.txt"].replace(
            "3 to 5 March", f"{i + 1} to {i + 2} May"
        )
        for i in range(n)
    }


def _sorted(events: pd.DataFrame) -> pd.DataFrame:
    return events.sort_values("source").reset_index(drop=True)


def test_a_load_that_stops_half_way_resumes_where_it_stopped(make_corpus, settings, monkeypatch):
    folder = make_corpus(_many_reports(6))
    settings = settings.replace(workers=1)  # batches one after the other, in this process
    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    original, calls = pipeline.extract_batch, []

    def crashing(batch, *inputs):
        calls.append([name for _, name, _ in batch])
        if len(calls) == 2:
            raise KeyboardInterrupt  # the machine goes down during the second batch
        return original(batch, *inputs)

    monkeypatch.setattr(pipeline, "extract_batch", crashing)
    with pytest.raises(KeyboardInterrupt):
        load_corpus([folder], settings)
    assert len(list(settings.cache_dir.glob("events/part-*.parquet"))) == 1  # the first batch
    calls.clear()
    monkeypatch.setattr(pipeline, "extract_batch", lambda b, *i: calls.append(b) or original(b, *i))
    events = load_corpus([folder], settings).events
    assert sum(len(batch) for batch in calls) == 4  # only what the first load did not finish
    assert len(events) == 6


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[: len(data) // 2], lambda data: b"\xff\xfe garbage", lambda data: b""],
    ids=["truncated", "garbage", "empty"],
)
def test_a_damaged_part_of_the_store_is_reported_and_extracted_again(
    make_corpus, settings, monkeypatch, caplog, damage
):
    folder = make_corpus(_many_reports(6))
    settings = settings.replace(workers=1)
    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    first = load_corpus([folder], settings).events
    parts = sorted(settings.cache_dir.glob("events/*.parquet"))  # three parts, the manifest
    for part in parts[:2]:
        part.write_bytes(damage(part.read_bytes()))
    original, calls = pipeline.extract_batch, []
    monkeypatch.setattr(pipeline, "extract_batch", lambda b, *i: calls.append(b) or original(b, *i))
    with caplog.at_level("WARNING", logger="analytics.ingest.store"):
        again = load_corpus([folder], settings).events
    pd.testing.assert_frame_equal(_sorted(again), _sorted(first))
    assert 0 < sum(len(batch) for batch in calls) <= 4  # the damaged parts' reports only
    for part in parts[:2]:
        assert any(
            part.name in r.getMessage() and "damaged" in r.getMessage() for r in caplog.records
        )
    assert not parts[1].exists()  # the damaged part is gone, the manifest written again
    caplog.clear()
    with caplog.at_level("WARNING", logger="analytics.ingest.store"):
        third = load_corpus([folder], settings).events
    assert not caplog.records
    pd.testing.assert_frame_equal(_sorted(third), _sorted(first))


def test_worker_processes_give_the_same_rows_as_this_process(make_corpus, settings, monkeypatch):
    folder = make_corpus(_many_reports(6))
    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    here = load_corpus([folder], settings.replace(workers=1), cache=False).events
    workers = load_corpus([folder], settings.replace(workers=2), cache=False).events
    pd.testing.assert_frame_equal(_sorted(here), _sorted(workers))


def test_a_warm_start_reads_no_file_again(make_corpus, settings, monkeypatch):
    folder = make_corpus()
    first = load_corpus([folder], settings).events
    monkeypatch.setattr(pipeline, "path_key", lambda *a: pytest.fail("a file was read again"))
    pd.testing.assert_frame_equal(first, load_corpus([folder], settings).events)


def test_a_load_of_another_folder_on_the_same_store_leaves_a_warm_start_warm(
    make_corpus, settings, monkeypatch, tmp_path
):
    folder = make_corpus()
    other = tmp_path / "labelled"
    other.mkdir()
    (other / "one.txt").write_text(SMALL_REPORTS["nairobi.txt"].replace("Nairobi", "Lima"))
    first = load_corpus([folder], settings).events
    load_corpus([other], settings)  # as the quality figures read the labelled sets
    monkeypatch.setattr(pipeline, "path_key", lambda *a: pytest.fail("a file was read again"))
    pd.testing.assert_frame_equal(first, load_corpus([folder], settings).events)
    assert len(load_corpus([other], settings).events) == 1  # its files remembered too


def test_classifying_in_batches_on_workers_gives_the_same_themes(
    make_corpus, settings, monkeypatch
):
    from analytics.model.classify import classify
    from analytics.model.fit import fit_or_load

    events = load_corpus([make_corpus(_many_reports(7))], settings).events
    model, _ = fit_or_load(events["text"], events["doc_id"], settings)
    whole_themes, whole_events = classify(model, events)
    monkeypatch.setattr(classifying, "CLASSIFY_ROWS", 3)  # three batches, on two workers
    themes, batched = classifying.classify_all(model, events, settings.replace(workers=2))
    assert not whole_themes.empty
    pd.testing.assert_frame_equal(themes, whole_themes)
    pd.testing.assert_frame_equal(batched, whole_events)


def test_reports_added_later_are_classified_with_the_same_model_alone(
    make_corpus, settings, monkeypatch
):
    from analytics.model import classify as classify_module

    reports = _many_reports(8)
    folder = make_corpus(dict(list(reports.items())[:6]))
    settings = settings.replace(corpus_dirs=(folder,), workers=1)
    first = pipeline.analyse(settings)
    for name, text in list(reports.items())[6:]:
        (folder / name).write_text(text)
    seen = []
    original = classify_module.classify
    monkeypatch.setattr(classifying, "classify", lambda m, e: seen.append(len(e)) or original(m, e))
    monkeypatch.setattr(pipeline, "fit_or_load", lambda *a: pytest.fail("refitted"))
    later = pipeline.analyse(settings, previous=first)
    assert seen == [2] and later.fingerprint == first.fingerprint
    assert not later.doc_themes.empty
    assert len(later.events) == 8
    whole_themes, whole_events = original(first.model, later.with_texts().drop(columns="themes"))
    pd.testing.assert_series_equal(later.events["themes"], whole_events["themes"])
    order = ["doc_id", "theme"]
    whole_themes = whole_themes.sort_values(order).reset_index(drop=True)
    kept = later.doc_themes.sort_values(order).reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, whole_themes.drop(columns="evidence"))
    # the evidence is not kept for every report but quoted again as the model quotes it
    assert later.evidence(kept) == whole_themes["evidence"].tolist()


def test_evidence_is_quoted_once_per_report_for_all_its_themes(make_corpus, settings, monkeypatch):
    folder = make_corpus(SMALL_REPORTS)
    analysis = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    rows = analysis.doc_themes[["doc_id", "theme"]]
    quoted = []
    original = analysis_module.quote_evidence
    monkeypatch.setattr(
        analysis_module, "quote_evidence",
        lambda m, t, th: quoted.append(len(t)) or original(m, t, th),
    )  # fmt: skip
    first = analysis.evidence(rows.head(2))
    assert analysis.evidence(rows.head(2)) == first  # kept: quoted once
    whole = analysis.evidence(rows)
    assert whole[:2] == first
    # the first reports' other themes were quoted with them: only the others' reports now
    rest = set(rows.iloc[2:]["doc_id"]) - set(rows.head(2)["doc_id"])
    assert quoted == [rows.head(2)["doc_id"].nunique(), len(rest)]
    assert any(whole) and all(isinstance(s, list) for s in whole)


def test_quality_of_a_large_corpus_is_measured_on_a_sample_with_every_described_report(
    tmp_path, settings
):
    facts = tmp_path / "demo" / "SOURCES.csv"
    facts.parent.mkdir()
    facts.write_text("file,themes\nr09.txt,revenue\n")
    events = pd.DataFrame({"source": [f"demo/r{i:02d}.txt" for i in range(10)]})
    picked = quality._quality_sample(events, facts, settings.replace(fit_sample=3))
    assert "demo/r09.txt" in set(picked["source"]) and 3 <= len(picked) <= 4
    everything = quality._quality_sample(events, facts, settings.replace(fit_sample=0))
    assert len(everything) == 10


def test_a_warm_start_classifies_only_reports_its_model_has_not_seen(
    make_corpus, settings, monkeypatch
):
    from analytics.model import classify as classify_module

    folder = make_corpus(_many_reports(6))
    settings = settings.replace(corpus_dirs=(folder,), workers=1)
    first = pipeline.analyse(settings)
    seen = []
    original = classify_module.classify
    monkeypatch.setattr(classifying, "classify", lambda m, e: seen.append(len(e)) or original(m, e))
    assert not first.doc_themes.empty
    again = pipeline.analyse(settings)  # a new server process: nothing in memory
    assert seen == [0]
    pd.testing.assert_series_equal(again.events["themes"], first.events["themes"])
    order = ["doc_id", "theme"]
    pd.testing.assert_frame_equal(
        again.doc_themes.sort_values(order).reset_index(drop=True),
        first.doc_themes.sort_values(order).reset_index(drop=True),
    )
    for part in settings.cache_dir.glob("models/*/classified/themes-*.parquet"):
        part.write_bytes(b"damaged")
    seen.clear()
    assert len(pipeline.analyse(settings).events) == 6 and seen == [6]  # classified again


def test_the_analysis_reads_report_texts_from_the_store_when_asked(make_corpus, settings):
    reports = {name: f"{text}\nIt closed with item {i}zeta." for i, (name, text) in
               enumerate(_many_reports(4).items())}  # fmt: skip
    folder = make_corpus(reports)
    first = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    warm = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    by_source = warm.events.set_index("source")["doc_id"]
    for analysis in (first, warm):
        assert "text" not in analysis.events
        for i, name in enumerate(reports):
            assert f"item {i}zeta" in analysis.texts[by_source[f"corpus/{name}"]]
    ids = [by_source["corpus/r02.txt"], "no-such-report", by_source["corpus/r00.txt"]]
    picked = warm.texts.of(ids)
    assert list(picked.index) == ids and pd.isna(picked.iloc[1])
    assert picked.iloc[0] == warm.texts[ids[0]]
    assert warm.with_texts()["text"].notna().all()


def test_a_warm_load_without_texts_reads_them_on_demand(make_corpus, settings):
    folder = make_corpus()
    whole = load_corpus([folder], settings).events
    lean = load_corpus([folder], settings, texts=False)
    assert lean.events["text"].isna().all()
    pd.testing.assert_frame_equal(lean.events.drop(columns="text"), whole.drop(columns="text"))
    texts = lean.texts.of(whole["doc_id"].tolist())
    assert texts.tolist() == whole["text"].tolist()


def test_a_load_signs_the_files_as_the_dashboard_signs_them(make_corpus, settings):
    from analytics.ingest.files import corpus_signature

    folder = make_corpus({**SMALL_REPORTS, "notes.xyz": "not a report", "big.txt": "x" * 64})
    settings = settings.replace(max_file_mb=32 / 2**20)  # big.txt is over the limit
    first = load_corpus([folder], settings)
    assert {s.source for s in first.skipped} >= {"corpus/notes.xyz", "corpus/big.txt"}
    assert first.signature == corpus_signature([folder], settings.ignored_files)[0]
    (folder / "later.txt").write_text(SMALL_REPORTS["nairobi.txt"] + "\nA later line.")
    later = load_corpus([folder], settings)
    assert later.signature == corpus_signature([folder], settings.ignored_files)[0]
    assert later.signature != first.signature


def test_extraction_is_prepared_once_for_the_reports_added_later(settings):
    from analytics.extract import places

    places._gazetteer.cache_clear()
    warm = pipeline.prepare_extraction(settings)
    assert [(e["city"], e["date"].isoformat()) for e in warm] == [
        ("Lima", "2021-05-03"),
        ("Accra", "2022-06-01"),
    ]
    assert places._gazetteer.cache_info().currsize == 1  # kept for the next extraction


def test_damaged_quality_figures_are_measured_again(tmp_path, settings):
    from analytics.model.fit import model_folder

    analysis = SimpleNamespace(fingerprint="abc")
    folder = model_folder(settings.cache_dir, "abc")
    folder.mkdir(parents=True)
    assert quality.stored_quality(analysis, settings) is None  # not measured yet
    (folder / "quality.csv").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "agreement.csv").write_text("theme,f1\nrevenue,0.9\n")
    assert quality.stored_quality(analysis, settings) is None
    (folder / "quality.csv").write_text("figure,value\nDiversity,0.9\n")
    kept = quality.stored_quality(analysis, settings)
    assert kept.figures["value"].tolist() == [0.9] and kept.agreement["theme"].tolist() == [
        "revenue"
    ]


def test_every_reports_evidence_can_be_quoted_ahead(make_corpus, settings, monkeypatch):
    folder = make_corpus(SMALL_REPORTS)
    analysis = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    rows = analysis.doc_themes[["doc_id", "theme"]]
    expected = analysis.evidence(rows)
    ahead = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    assert ahead.quote_all(batch=2) == len(rows)
    monkeypatch.setattr(analysis_module, "quote_evidence", lambda *a: pytest.fail("quoted again"))
    assert ahead.evidence(rows) == expected


def _age(folder) -> None:
    """Give the folder and its subfolders a time long past, as a later load sees them."""
    for path in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        os.utime(path, ns=(1_600_000_000 * 10**9,) * 2)


def test_a_load_that_trusts_the_folders_stats_no_file_and_reads_the_same(
    make_corpus, settings, monkeypatch
):
    from analytics.ingest import listing

    folder = make_corpus({**SMALL_REPORTS, "2020/later.txt": SMALL_REPORTS["nairobi.txt"] + "!"})
    _age(folder)
    full = load_corpus([folder], settings)
    monkeypatch.setattr(listing, "_stat", lambda path: pytest.fail(f"{path} was stat'ed"))
    trusted = load_corpus([folder], settings, full=False)
    pd.testing.assert_frame_equal(full.events, trusted.events)
    assert (trusted.signature, trusted.updated) == (full.signature, full.updated)


def test_a_load_that_trusts_the_folders_notices_added_and_removed_files_only(make_corpus, settings):
    folder = make_corpus()
    _age(folder)
    first = load_corpus([folder], settings)
    (folder / "kigali.txt").write_text(SMALL_REPORTS["nairobi.txt"].replace("Nairobi", "Kigali"))
    gone = sorted(SMALL_REPORTS)[0]
    (folder / gone).unlink()
    edited = sorted(SMALL_REPORTS)[1]
    added = load_corpus([folder], settings, full=False)
    assert set(added.events["source"]) == set(first.events["source"]) - {f"corpus/{gone}"} | {
        "corpus/kigali.txt"
    }
    _age(folder)
    load_corpus([folder], settings, full=False)  # the listing now trusts the folder again
    (folder / edited).write_text(SMALL_REPORTS[edited] + "\nA line added later.")
    _age(folder)  # rewritten in place: its folder's time says nothing changed
    kept = load_corpus([folder], settings, full=False)
    pd.testing.assert_frame_equal(kept.events, added.events)
    looked = load_corpus([folder], settings)  # every file stat'ed
    assert looked.signature != kept.signature
    assert not looked.events.equals(kept.events)


def test_a_large_corpus_quotes_ahead_the_evidence_of_each_themes_strongest_reports(
    make_corpus, settings, monkeypatch
):
    from analytics.views.tables import theme_evidence

    folder = make_corpus(SMALL_REPORTS)
    plain = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    ahead = pipeline.analyse(settings.replace(corpus_dirs=(folder,), workers=1))
    themes = ahead.doc_themes["theme"].unique()
    expected = [theme_evidence(plain.doc_themes, plain.events, theme, n=1, quote=plain.evidence)
                for theme in themes]  # fmt: skip
    # As if there were too many pairs to quote them all.
    monkeypatch.setattr(analysis_module, "QUOTES_KEPT", len(ahead.doc_themes) - 1)
    strongest = ahead.strongest(1)
    assert ahead.quote_all(batch=2) == len(strongest)
    chosen = set(strongest.itertuples(index=False))
    regions = ahead.events.set_index("doc_id")["region"]
    for theme, rows in ahead.doc_themes.groupby("theme"):
        ranked = rows.assign(region=regions.reindex(rows["doc_id"]).to_numpy()).sort_values(
            "weight", ascending=False, kind="stable"
        )
        assert (ranked["doc_id"].iloc[0], theme) in chosen
        for _, mine in ranked.groupby("region"):
            assert (mine["doc_id"].iloc[0], theme) in chosen
    monkeypatch.setattr(analysis_module, "quote_evidence", lambda *a: pytest.fail("quoted again"))
    for theme, plainly in zip(themes, expected, strict=True):  # the strongest: already quoted
        shown = theme_evidence(ahead.doc_themes, ahead.events, theme, n=1, quote=ahead.evidence)
        assert shown.equals(plainly)


def test_a_dashboard_opens_on_the_grouping_the_cold_pipeline_kept(
    make_corpus, settings, monkeypatch
):
    from analytics import grouping

    folder = make_corpus(_many_reports(6))
    settings = settings.replace(corpus_dirs=(folder,), workers=1)
    events = load_corpus([folder], settings).events  # the cold read, with the texts
    by_id = dict(zip(events["doc_id"], events["text"], strict=True))
    ids = pipeline.group_meetings(events, settings, lambda d: [by_id[i] for i in d])
    regrouped = []
    plain = grouping.regroup
    monkeypatch.setattr(grouping, "regroup", lambda *a, **k: regrouped.append(1) or plain(*a, **k))
    opened = pipeline.analyse(settings)  # a new server on the warm store
    assert regrouped == []  # the kept grouping read, nothing grouped again
    by_doc = dict(zip(events["doc_id"], ids, strict=True))
    assert opened.events["meeting_id"].tolist() == opened.events["doc_id"].map(by_doc).tolist()
    assert len(opened.meetings) == ids.nunique()
