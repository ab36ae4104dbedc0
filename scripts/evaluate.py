"""Agreement with the facts on every labelled set: extraction per field, themes per theme.

The model is fitted on the bundled corpus (seeds and demo), as the dashboard does. Sets:
the demo's tuning four fifths and its held-out fifth, ``data/eval/others`` and
``data/eval/dev_real`` (used to tune the theme settings), ``data/eval/others2`` and
``data/eval/real_style`` (never used to choose anything). Run by hand: ``python scripts/evaluate.py`` (Markdown tables on stdout).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.model.evaluation import (  # noqa: E402
    f1_scores,
    held_out,
    keyword_baseline,
    load_facts,
    per_theme_scores,
    plain_nmf_baseline,
)
from analytics.model.fit import build_model  # noqa: E402
from analytics.pipeline import load_corpus  # noqa: E402
from analytics.settings import Settings  # noqa: E402

EVAL = ROOT / "data" / "eval"
FIELDS = {"published": "published_fact", "date": "start_date", "iso3": "iso3_fact",
          "region": "region_fact", "virtual": "virtual_fact"}  # fmt: skip


def _labelled(folder: Path, settings: Settings) -> pd.DataFrame:
    events = load_corpus([folder], settings).events
    facts = load_facts(folder / "SOURCES.csv")
    return facts.merge(events, on="source", how="left", suffixes=("_fact", ""))


def _extraction(merged: pd.DataFrame) -> dict[str, str]:
    shares = {}
    for field, fact in FIELDS.items():
        if fact not in merged:
            shares[field] = "–"
            continue
        got = merged[field]
        if field in ("published", "date"):
            got = got.dt.strftime("%Y-%m-%d")
        elif field == "virtual":
            got = got.astype(str).str.lower()
        want = merged[fact].fillna("").astype(str).str.lower()
        listed = want != "" if field == "published" else want == want
        same = got.fillna("").astype(str).str.lower() == want
        shares[field] = f"{same[listed].mean():.0%}"
    return shares


def _markdown(table: pd.DataFrame) -> str:
    rows = [list(map(str, table.columns)), ["---"] * len(table.columns)]
    rows += [list(map(str, row)) for row in table.itertuples(index=False)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main() -> None:
    settings = Settings().replace(cache_dir=Path(tempfile.mkdtemp()))
    bundled = load_corpus([ROOT / "data" / "seeds", ROOT / "data" / "demo"], settings).events
    model = build_model(settings).fit(bundled["text"].tolist())
    named = [t.id for t in model.themes]
    labels = {t.id: t.label for t in model.themes}
    demo = _labelled(ROOT / "data" / "demo", settings)
    aside = held_out(demo["event_id"].tolist())
    sets = {"demo, tuning": demo[~aside], "demo, held out": demo[aside]}
    sets |= {
        name: _labelled(EVAL / name, settings)
        for name in ("others", "dev_real", "others2", "real_style")
    }
    summary, per_theme, methods = [], [], []
    for name, merged in sets.items():
        predicted = model.assign(model.transform(merged["text"].tolist()))
        predicted = [set(p) & set(named) for p in predicted]
        truth = merged["theme_set"].tolist()
        scores = f1_scores(truth, predicted, named)
        summary.append({"set": name, "reports": len(merged), **_extraction(merged),
                        "themes micro-F1": round(scores["micro_f1"], 3),
                        "macro-F1": round(scores["macro_f1"], 3)})  # fmt: skip
        texts = merged["text"].tolist()
        for method, guess in (
            ("guided NMF + seed evidence (ours)", predicted),
            ("keyword count (seed terms, >= 2 hits)", keyword_baseline(texts, model.themes)),
            ("plain NMF (unguided)", plain_nmf_baseline(texts, model.themes)),
        ):
            f1 = f1_scores(truth, guess, named)
            methods.append({"method": method, "set": name,
                            "F1": f"{f1['micro_f1']:.3f} / {f1['macro_f1']:.3f}"})  # fmt: skip
        table = per_theme_scores(truth, predicted, named)
        per_theme.append(table.assign(set=name, theme=table["theme"].map(labels)))
    print(_markdown(pd.DataFrame(summary)))
    long = pd.concat(per_theme)
    long["P / R"] = [
        "–" if pd.isna(p) and pd.isna(r) else f"{p:.2f} / {r:.2f}".replace("nan", "–")
        for p, r in zip(long["precision"], long["recall"], strict=True)
    ]
    wide = long.pivot(index="theme", columns="set", values="P / R")[list(sets)]
    compared = pd.DataFrame(methods).pivot(index="method", columns="set", values="F1")
    print("\nMicro / macro-F1 by method:\n")
    print(_markdown(compared[list(sets)].reset_index()))
    print("\nPer theme, precision / recall:\n")
    print(_markdown(wide.loc[[labels[t] for t in named]].reset_index()))


if __name__ == "__main__":
    main()
