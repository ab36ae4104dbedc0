"""What every user of the load benchmark does, protocol session or browser, and how its
actions are recorded (``load.py`` runs the protocol sessions, ``load_browsers.py`` the
browsers)."""

from __future__ import annotations

PAGES = ["overview", "regions", "trends", "briefing", "themes", "meetings", "data"]
MEETINGS_HEADER = "doc_id,date,title,venue,region,type,themes,source"  # its first columns
# Every user's steps, protocol session or browser: (action, what it does: a page opens it).
STEPS = [
    ("filter region", "region"), ("open regions", "regions"), ("filter years", "years"),
    ("open trends", "trends"), ("open briefing", "briefing"), ("open themes", "themes"),
    ("open meetings", "meetings"),
    ("download CSV (file)", "download"), ("filter region", "region"), ("open data", "data"),
    ("open overview", "overview"), ("reset filters", "reset"),
]  # fmt: skip


Record = tuple[str, float, str | None]  # action, seconds, error (None when it worked)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]
