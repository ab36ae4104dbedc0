"""Where the theme model and the keyword count disagree on the tuning sets, and why.

The model is fitted on the bundled corpus (seeds and demo), as ``scripts/evaluate.py``
does, and read on the tuning sets only: the demo's tuning four fifths, ``data/eval/others``
and ``data/eval/dev_real``. The honest sets (the demo's held-out fifth, ``others2``,
``real_style``) are never read here. Run by hand: ``python scripts/diagnose_themes.py``
(Markdown tables on stdout; add ``--pairs`` for every disagreeing pair).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.model.diagnosis import (  # noqa: E402
    disagreements,
    errors_by_evidence,
    model_pairs,
    nmf_separation,
)
from analytics.model.evaluation import held_out, load_facts  # noqa: E402
from analytics.model.fit import build_model  # noqa: E402
from analytics.pipeline import load_corpus  # noqa: E402
from analytics.settings import Settings  # noqa: E402

TUNING = ("others", "dev_real")


def _labelled(folder: Path, settings: Settings) -> pd.DataFrame:
    events = load_corpus([folder], settings).events
    return load_facts(folder / "SOURCES.csv").merge(events, on="source", how="inner")


def _markdown(table: pd.DataFrame) -> str:
    rows = [list(map(str, table.columns)), ["---"] * len(table.columns)]
    rows += [list(map(str, row)) for row in table.itertuples(index=False)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main(show_pairs: bool = False) -> None:
    settings = Settings().replace(cache_dir=Path(tempfile.mkdtemp()))
    bundled = load_corpus([ROOT / "data" / "seeds", ROOT / "data" / "demo"], settings).events
    model = build_model(settings).fit(bundled["text"].tolist())
    demo = _labelled(ROOT / "data" / "demo", settings)
    sets = {"demo, tuning": demo[~held_out(demo["event_id"].tolist())]}
    sets |= {name: _labelled(ROOT / "data" / "eval" / name, settings) for name in TUNING}
    tables = []
    for name, merged in sets.items():
        pairs = model_pairs(model, merged["text"].tolist(), merged["theme_set"].tolist())
        tables.append(pairs.assign(set=name, file=merged["file"].to_numpy()[pairs["report"]]))
    pooled = pd.concat(tables, ignore_index=True)
    print("Disagreements of the model and the keyword count (tuning sets pooled):\n")
    print(_markdown(disagreements(pooled)))
    print("\nThe model's verdicts by evidence bin:\n")
    print(_markdown(errors_by_evidence(pooled).reset_index(names="bin")))
    print("\nThe NMF weight telling true pairs from false ones, by evidence bin:\n")
    print(_markdown(nmf_separation(pooled)))
    if show_pairs:
        columns = ["set", "file", "theme", "truth", "model", "keyword", "evidence", "nmf", "hits"]
        mine = pooled[pooled["model"] != pooled["keyword"]][columns].round(3)
        print("\nEvery disagreeing pair:\n")
        print(_markdown(mine.sort_values(["model", "truth", "theme"])))


if __name__ == "__main__":
    main("--pairs" in sys.argv[1:])
