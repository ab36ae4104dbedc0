"""The model measured theme by theme on the bundled labelled sets, for the Themes page."""

from analytics.model.evaluation import load_facts
from analytics.pipeline import load_corpus
from analytics.quality import labelled_agreement
from tests.conftest import ROOT


def test_the_model_is_measured_theme_by_theme_on_each_labelled_set(bundled, tmp_path):
    """Each labelled folder's facts against the model's themes for its reports; a folder
    without facts is no set."""
    settings = bundled.settings.replace(
        labelled_dirs=(ROOT / "data" / "eval" / "others", tmp_path / "no-facts"),
        cache_dir=tmp_path / "cache",
    )
    (tmp_path / "no-facts").mkdir()
    (tmp_path / "no-facts" / "a.txt").write_text("A report with no facts beside it.")
    model = bundled.analysis.model
    table = labelled_agreement(model, settings)
    assert set(table["split"]) == {"others"}

    facts = load_facts(ROOT / "data" / "eval" / "others" / "SOURCES.csv")
    trade = table.set_index("theme").loc["Trade facilitation (TFA)"]
    assert trade["support"] == sum("trade_facilitation" in t for t in facts["theme_set"])
    events = load_corpus([ROOT / "data" / "eval" / "others"], settings).events
    texts = facts.merge(events, on="source")["text"].tolist()
    assigned = sum("trade_facilitation" in p for p in model.assign(model.transform(texts)))
    assert trade["assigned"] == assigned
    assert 0 <= trade["precision"] <= 1 and 0 <= trade["recall"] <= 1
