"""The settings table in the README documents every setting, with its default and help."""

import re

import pytest

from analytics import settings
from tests.conftest import ROOT


def _shown(value: object) -> str:
    def one(v: object) -> str:
        text = str(v)
        return text.removeprefix(str(ROOT) + "/")

    if isinstance(value, tuple):
        return ":".join(one(v) for v in value)
    return one(value)


def _readme_rows() -> dict[str, tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- settings-table -->")[1].split("<!-- /settings-table -->")[0]
    rows = {}
    for line in table.strip().splitlines()[2:]:
        name, default, help_ = (cell.strip() for cell in line.strip("|").split("|"))
        rows[name.strip("`")] = (default.strip("`"), help_)
    return rows


def test_readme_lists_every_setting_with_default_and_help():
    expected = {s.name: (_shown(s.default), s.help) for s in settings.SETTINGS}
    assert _readme_rows() == expected


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [("max_file_mb", "2.5", 2.5), ("n_emerging", "7", 7), ("corpus_dirs", "a:b", ("a", "b"))],
)
def test_environment_overrides(monkeypatch, name, raw, value):
    monkeypatch.setenv(f"MEETINGS_{name.upper()}", raw)
    assert settings.get(name) == value


def test_unknown_setting():
    with pytest.raises(KeyError):
        settings.get("nope")


def test_help_is_a_sentence():
    for setting in settings.SETTINGS:
        assert re.match(r"[A-Z].*\.$", setting.help), setting.name
