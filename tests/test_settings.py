"""The settings: one typed object, overridden from the environment, documented in the README."""

import re
from pathlib import Path

import pytest

from analytics.errors import SettingsError
from analytics.settings import Settings
from tests.conftest import ROOT, readme_table


def _shown(value: object) -> str:
    def one(v: object) -> str:
        return str(v).removeprefix(str(ROOT) + "/")

    if isinstance(value, tuple):
        return ":".join(one(v) for v in value)
    return one(value)


def test_readme_lists_every_setting_with_default_and_help():
    expected = {name: (f"`{_shown(default)}`", help_) for name, default, help_ in Settings.table()}
    assert readme_table("settings-table") == expected


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [
        ("max_file_mb", "2.5", 2.5),
        ("n_emerging", "7", 7),
        ("corpus_dirs", "a:b", (Path("a"), Path("b"))),
        ("ignored_files", "x.csv", ("x.csv",)),
        ("cache_dir", "/tmp/c", Path("/tmp/c")),
    ],
)
def test_environment_overrides_are_typed(name, raw, value):
    settings = Settings.from_env({f"MEETINGS_{name.upper()}": raw})
    assert getattr(settings, name) == value
    assert type(getattr(settings, name)) is type(value)


def test_a_bad_value_names_the_variable():
    with pytest.raises(SettingsError, match="MEETINGS_N_EMERGING='many'"):
        Settings.from_env({"MEETINGS_N_EMERGING": "many"})


def test_replace_types_paths_and_keeps_the_rest():
    base = Settings()
    changed = base.replace(cache_dir="/tmp/x", corpus_dirs=["a"])
    assert changed.cache_dir == Path("/tmp/x") and changed.corpus_dirs == (Path("a"),)
    assert changed.themes_file == base.themes_file
    assert hash(changed) != hash(base)


def test_help_is_a_sentence():
    for name, _, help_ in Settings.table():
        assert re.match(r"[A-Z].*\.$", help_), name
