"""From the text of a report to an event: its parts, dates, venue, region, kind, people.

:mod:`analytics.extract.event` holds the Event schema and :func:`extract_event`.
"""
