"""The engines: this process, worker processes, and Dask (an optional extra, tested too)."""

import pandas as pd
import pytest

from analytics import classifying, pipeline
from analytics.engine import AHEAD, Engine, ProcessEngine, make_engine
from analytics.errors import SettingsError
from analytics.model.fit import fit_or_load
from analytics.pipeline import load_corpus
from tests.conftest import SMALL_REPORTS


def _square(batch, power):
    return [x**power for x in batch]


def test_engines_run_every_batch():
    for engine in (Engine(), ProcessEngine(2)):
        try:
            results = sorted(map(tuple, engine.map(_square, [[1, 2], [3], [4, 5]], 2)))
        finally:
            engine.close()
        assert results == [(1, 4), (9,), (16, 25)]


def test_workers_take_batches_as_they_free_up_not_all_at_once():
    # A large table's chunks are made as they are taken: never all held at once.
    taken = []

    def batches():
        for i in range(24):
            taken.append(i)
            yield [i]

    engine = ProcessEngine(2)
    try:
        results = engine.map(_square, batches(), 1)
        first = next(results)
        assert len(taken) <= 2 * AHEAD * 2  # the running ones and the finished not yet given
        assert sorted([first, *results]) == [[i] for i in range(24)]
    finally:
        engine.close()


def test_small_jobs_stay_in_this_process_and_unknown_engines_are_named():
    assert type(make_engine("local", 2, jobs=1)) is Engine
    with pytest.raises(SettingsError, match="MEETINGS_ENGINE='spark'"):
        make_engine("spark")


def test_dask_gives_the_same_rows_and_themes_as_this_process(make_corpus, settings, monkeypatch):
    pytest.importorskip("dask.distributed", reason="make test installs requirements-dask.txt")
    reports = {
        f"r{i}.txt": SMALL_REPORTS["nairobi.txt"].replace("3 to 5 March", f"{i + 1} to {i + 2} May")
        for i in range(4)
    }
    folder = make_corpus(reports)
    monkeypatch.setattr(pipeline, "BATCH_FILES", 2)
    here = load_corpus([folder], settings.replace(workers=1), cache=False).events
    dask = load_corpus([folder], settings.replace(engine="dask", workers=2), cache=False).events
    key = ["source"]
    pd.testing.assert_frame_equal(
        here.sort_values(key).reset_index(drop=True), dask.sort_values(key).reset_index(drop=True)
    )
    model, _ = fit_or_load(here["text"], here["doc_id"], settings)
    monkeypatch.setattr(classifying, "CLASSIFY_ROWS", 2)
    themes_here, _ = classifying.classify_all(model, here, settings.replace(workers=1))
    themes_dask, _ = classifying.classify_all(
        model, here, settings.replace(engine="dask", workers=2)
    )
    assert not themes_here.empty
    pd.testing.assert_frame_equal(themes_here, themes_dask)


def test_workers_never_run_the_main_script_again(tmp_path, monkeypatch):
    """Under `streamlit run` the main module is the dashboard's script: a worker that
    imported it again would start the dashboard inside itself."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "dashboard.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", main)
    engine = ProcessEngine(2)
    try:
        results = sorted(map(tuple, engine.map(_square, [[1], [2], [3]], 3)))
    finally:
        engine.close()
    assert results == [(1,), (8,), (27,)]
    assert not marker.exists()
    assert sys.modules["__main__"] is main
