"""The product's typed errors: each says what failed, naming the file or field."""

from __future__ import annotations

__all__ = [
    "AnalyticsError",
    "CorpusError",
    "DocumentError",
    "ModelError",
    "SettingsError",
    "TaxonomyError",
    "UploadError",
]


class AnalyticsError(Exception):
    """Base of every error the product reports to its user."""


class SettingsError(AnalyticsError):
    """A setting with a value of the wrong kind; the message names the variable."""


class DocumentError(AnalyticsError):
    """A file that cannot be read as a report; the message says why."""


class CorpusError(AnalyticsError):
    """No report could be read from the given paths."""


class TaxonomyError(AnalyticsError):
    """A malformed taxonomy file; the message names the file and line."""


class ModelError(AnalyticsError):
    """The theme model could not be fitted or loaded; the message says why."""


class UploadError(AnalyticsError):
    """An uploaded file that cannot be added to the corpus (the message names it)."""
