"""The one Event schema: the README's events table and the loader's frame follow it."""

from dataclasses import fields

from analytics.extract.event import EVENT_COLUMNS, Event, empty_events
from tests.conftest import readme_table


def test_readme_documents_every_column_with_its_dtype_and_help():
    expected = {f.name: (f.metadata["dtype"], f.metadata["help"]) for f in fields(Event)}
    assert readme_table("events-table") == expected


def test_the_frame_has_the_schema_columns_and_dtypes():
    frame = empty_events()
    assert {c: str(frame[c].dtype) for c in frame} == EVENT_COLUMNS
