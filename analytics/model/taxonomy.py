"""The taxonomy of named themes, read from an editable TOML file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from analytics.errors import TaxonomyError

__all__ = ["LANGUAGES", "Theme", "load_taxonomy"]

LANGUAGES = ("en", "fr", "es", "pt", "ar", "zh", "ru")
WEAK, NAMES = "weak", "names"  # optional lists of terms, in any language
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Theme:
    """A named theme: id, label, one-line description and seed terms by language, plus
    ``weak`` terms (suggest the theme, count half) and ``names`` of bodies and programmes
    (count only beside a discussion of the theme)."""

    id: str
    label: str
    description: str
    terms: dict[str, tuple[str, ...]]

    @property
    def discussion_terms(self) -> tuple[str, ...]:
        """Seed terms in every language: each mention is evidence of the theme."""
        return tuple(term for lang in LANGUAGES for term in self.terms.get(lang, ()))

    @property
    def weak_terms(self) -> tuple[str, ...]:
        return self.terms.get(WEAK, ())

    @property
    def name_terms(self) -> tuple[str, ...]:
        return self.terms.get(NAMES, ())

    @property
    def all_terms(self) -> tuple[str, ...]:
        """Every seed term (discussion, weak and names): what guides the NMF."""
        return (*self.discussion_terms, *self.weak_terms, *self.name_terms)


def _theme_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[theme]]"]


def _parse_theme(entry: dict, where: str) -> Theme:
    for key in ("id", "label", "description", "en"):
        if key not in entry:
            raise TaxonomyError(f"{where}: missing `{key}`")
    if not isinstance(entry["id"], str) or not _ID.match(entry["id"]):
        raise TaxonomyError(f"{where}: `id` must be lower-case letters, digits and underscores")
    terms = {}
    for lang in (*LANGUAGES, WEAK, NAMES):
        value = entry.get(lang, [])
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            raise TaxonomyError(f"{where}: `{lang}` must be a list of non-empty strings")
        terms[lang] = tuple(t.strip() for t in value)
    if not terms["en"]:
        raise TaxonomyError(f"{where}: `en` needs at least one seed term")
    return Theme(str(entry["id"]), str(entry["label"]), str(entry["description"]), terms)


def load_taxonomy(path: str | Path) -> list[Theme]:
    """Read the themes of a taxonomy file.

    Raises:
        TaxonomyError: on a syntax error (with its line), a theme missing a field or with a
            field of the wrong kind (with the line of its ``[[theme]]``), or a repeated id.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"{path}: cannot read: {exc.strerror}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{path}: {exc}") from exc
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise TaxonomyError(f"{path}: no [[theme]] tables found")
    lines = _theme_lines(text)
    themes: list[Theme] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else "?"
        theme = _parse_theme(entry, f"{path}, line {line}")
        if any(t.id == theme.id for t in themes):
            raise TaxonomyError(f"{path}, line {line}: theme id `{theme.id}` is used twice")
        themes.append(theme)
    return themes
