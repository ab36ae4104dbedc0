"""Files in, raw documents out: readers of each format, corpus folders, the store.

Nothing here interprets a report's text; that is :mod:`analytics.extract`'s job.
"""
