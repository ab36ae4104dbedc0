"""Theme model speed and memory on the bundled corpus (seeds + demo).

Usage: python benchmarks/bench_themes.py
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analytics.model.classify import classify  # noqa: E402
from analytics.model.fit import build_model  # noqa: E402
from analytics.pipeline import load_corpus  # noqa: E402
from analytics.settings import Settings  # noqa: E402


def main() -> None:
    settings = Settings()
    events = load_corpus([ROOT / "data" / "seeds", ROOT / "data" / "demo"], settings).events
    texts = events["text"].tolist()
    rows = []
    start = time.perf_counter()
    model = build_model(settings).fit(texts)
    rows.append(("fit (TF-IDF + guided NMF)", time.perf_counter() - start))
    start = time.perf_counter()
    classify(model, events)
    rows.append(("classify every report (transform + evidence)", time.perf_counter() - start))
    start = time.perf_counter()
    model.transform(texts[:1])
    rows.append(("transform one new report", time.perf_counter() - start))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| theme model, {len(texts)} reports | seconds |")
    print("| --- | ---: |")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} |")
    print(f"\npeak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
