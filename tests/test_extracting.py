"""The batch work of extraction, as a worker runs it."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict

from analytics.extract.event import extract_event
from analytics.extract.places import gazetteer
from analytics.extracting import record
from analytics.ingest.readers import read_bytes
from analytics.settings import Settings
from tests.conftest import DEMO, ROOT


def test_a_record_holds_the_fields_of_its_event():
    gaz = gazetteer(*Settings().place_tables)
    for path in sorted(DEMO.rglob("*.txt"))[:20]:
        (document,) = read_bytes(path.read_bytes(), path.name)
        event = extract_event(document, gaz)
        assert record(event) == asdict(event)
        assert list(record(event)) == list(asdict(event))


def test_a_worker_keeps_its_city_index_in_the_cache_folder_for_the_next(tmp_path):
    # a new process, as a worker: its first batch writes the index, the next one reads it
    (tmp_path / "lima.txt").write_text(
        "Talks in Lima\n\nLima, 4 May 2021 - Delegates met on 3 May in Lima, Peru.\n"
    )
    code = (
        "import sys; from analytics.extract import cities; built = []; "
        "build = cities._build; cities._build = lambda n: built.append(1) or build(n); "
        "from analytics.extracting import extract_batch; "
        "from analytics.settings import Settings; "
        "tables = tuple(str(t) for t in Settings().place_tables); "
        "rows = extract_batch([(sys.argv[1], 'lima.txt', 'k')], tables, sys.argv[2])[0]; "
        "print(rows.loc[0, 'city'], len(built))"
    )
    args = [sys.executable, "-c", code, str(tmp_path / "lima.txt"), str(tmp_path / "cache")]
    first = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert first.stdout.split() == ["Lima", "1"], first.stderr
    assert len(list((tmp_path / "cache" / "gazetteer").glob("cities-*.marshal"))) == 1
    second = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert second.stdout.split() == ["Lima", "0"], second.stderr  # read, not built
