"""Meeting themes: reports in, events and their themes out (plain Python, no Streamlit).

Layers, from the files up: :mod:`analytics.ingest` (files to raw documents, the store),
:mod:`analytics.extract` (raw documents to events), :mod:`analytics.model` (the theme
model), :mod:`analytics.views` (filters, aggregates, charts and exports over frames), and
:mod:`analytics.pipeline`, which runs them in order.
"""
