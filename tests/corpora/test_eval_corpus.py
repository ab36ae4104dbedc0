"""Reports written in other styles than the demo, with the facts they were written from
(press releases, newswire items with datelines, blog posts, French and Spanish reports,
meeting summaries, long institutional paragraphs). They are not part of the dashboard's
corpus; they check that extraction and themes hold beyond our house style.

``data/eval/others`` and ``data/eval/dev_real`` (real pages' shapes, written to tune
against: passing mentions, lists of programmes, sidebars) helped choose the theme
settings (scripts/tune_themes.py);
``data/eval/others2`` was written later and never used to choose anything about themes.
``data/eval/real_style`` holds reports in the shapes real newsroom pages take (six-language
date lines, relative dates, datelines, global meetings away from headquarters, passing
mentions); it is never used to tune anything: its floors guard against falling back.
"""

from pathlib import Path

import pytest

from analytics.model.classify import classify
from analytics.model.evaluation import f1_scores, keyword_baseline, load_facts
from analytics.pipeline import load_corpus
from tests.conftest import ROOT

SETS = [ROOT / "data" / "eval" / name for name in ("others", "dev_real", "others2", "real_style")]
# Share of reports whose field agrees with the facts, at least (our own sets: all of them).
FLOORS = {
    "others": {"date": 1.0, "iso3": 1.0, "region": 1.0, "virtual": 1.0, "themes": 0.95},
    # dev_real themes: 0.888 before the sixteen reports of real pages' shapes d74-d79 and
    # d100-d109 (Portuguese, passing mentions, page furniture) were added; 0.847 with them
    # and the twenty of passing mentions d80-d99; 0.799 with the eighteen of passing lists and
    # other words d110-d127 under model 14, 0.870 under model 15; the seventeen of hosts,
    # capitals and weeks ahead d130-d146 added after; 0.858 under model 15 with the twenty of
    # passing mentions and other words d150-d169, 0.899 under model 16. The floor stays a
    # little below, as reports written in parallel (d170-d189) are harder still. With the
    # sixteen of other senses, lists and Arabic, Chinese, Russian and Portuguese text
    # (d190-d205): 0.864 under model 16, 0.905 under model 17. With the seven of programme
    # objectives, topic lists, life stories, names of bodies and weak words (d230-d236):
    # 0.882 under model 17, 0.897 under model 18.
    # Then the twenty of wires, head dates, headquarters in five languages and online events
    # (d210-d229). Then the twenty of bodies of a region's countries online or at
    # headquarters, regions named in Spanish, Portuguese and Russian, parts of regions,
    # study tours and French days and cities (d240-d259): 0.898 before, 0.876 with them.
    # Then the twelve of extraction shapes (d260-d271: tight and full-stop datelines, border
    # agencies, building acronyms, possessive cities, the Union's administrations, online
    # said with words between, webinars, cut titles, weekday ranges), themes labelled before
    # the model read them: 0.881 on the others under model 19, unchanged; 0.873 with them.
    "dev_real": {"date": 1.0, "iso3": 1.0, "region": 0.95, "virtual": 1.0, "themes": 0.86},
    "others2": {"date": 1.0, "iso3": 1.0, "region": 1.0, "virtual": 1.0, "themes": 0.88},
    "real_style": {"published": 0.83, "date": 0.91, "iso3": 0.89, "region": 0.96, "virtual": 1.0,
                   "themes": 0.70},
}  # fmt: skip
# Reports the extractor is known to misread, kept as written (rephrasing them would hide the
# miss): the floors hold on every other report, and a known miss that gets read right fails
# here until it is taken off the list. None at present (the Arabic datelines of d193 and d194
# are read as datelines since extractor 29, so the meeting's own date in the text wins).
KNOWN_MISSES: set[tuple[str, str]] = set()


@pytest.fixture(scope="module", params=SETS, ids=lambda p: p.name)
def merged(request, bundled):
    folder: Path = request.param
    corpus = load_corpus([folder], bundled.settings)
    # The list of pages read to write real_style is a notes file, not a report.
    notes = [f"{folder.name}/PAGES_READ.txt"] if (folder / "PAGES_READ.txt").exists() else []
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (name, "a list of web addresses, not a report") for name in notes
    ]
    facts = load_facts(folder / "SOURCES.csv")
    return facts.merge(corpus.events, on="source", how="left", suffixes=("_fact", ""))


@pytest.fixture(scope="module")
def model(bundled):
    """The dashboard's model: fitted on the bundled corpus, never on these reports."""
    return bundled.analysis.model


def _set(merged) -> str:
    return merged["source"].iloc[0].split("/")[0]


def test_every_report_is_read(merged):
    assert merged["doc_id"].notna().all()
    assert merged["style"].nunique() >= 6


@pytest.mark.parametrize("field", ["published", "date", "iso3", "region", "virtual"])
def test_extraction_holds_on_other_styles(merged, field):
    floor = FLOORS[_set(merged)].get(field)
    if floor is None:
        pytest.skip(f"{_set(merged)} lists no {field}")
    if field in ("date", "published"):
        got = merged[field].dt.strftime("%Y-%m-%d")
        want = merged["start_date" if field == "date" else "published_fact"]
    elif field == "virtual":
        got, want = merged["virtual"].astype(str).str.lower(), merged["virtual_fact"]
    else:
        got, want = merged[field], merged[f"{field}_fact"]
    listed = want.fillna("") != "" if field == "published" else want.notna()
    same = got.fillna("").astype(str) == want.fillna("").astype(str)
    known = merged["source"].map(lambda source: (source, field) in KNOWN_MISSES)
    assert not (same & known).any(), f"read right now: {list(merged['source'][same & known])}"
    same = same[listed & ~known]
    misses = [m for m in zip(merged["source"], got, want, strict=True) if m[1] != m[2]]
    assert same.mean() >= floor, f"{field}: {same.mean():.0%}; misses: {misses}"


def test_themes_of_other_styles_are_no_worse_than_the_keyword_count(merged, model):
    named = [t.id for t in model.themes]
    _, events = classify(model, merged)
    truth = merged["theme_set"].tolist()
    ours = f1_scores(truth, [set(t) & set(named) for t in events["themes"]], named)
    keyword = f1_scores(truth, keyword_baseline(merged["text"].tolist(), model.themes), named)
    assert ours["micro_f1"] >= FLOORS[_set(merged)]["themes"]
    # On reports in real pages' shapes the model is not yet ahead of the keyword count: the
    # seed wordings taken from real pages lifted the count too (model 13: 0.711 -> 0.741,
    # model 14: 0.746; the model 0.722 -> 0.730 -> 0.737), so it may trail it by a little.
    margin = -0.025 if _set(merged) == "real_style" else 0.05
    assert ours["micro_f1"] > keyword["micro_f1"] + margin, (ours, keyword)
