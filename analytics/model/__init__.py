"""The theme model: taxonomy, the guided TF-IDF/NMF estimator, scoring, persistence and
quality figures. It knows nothing of places or dates.
"""
