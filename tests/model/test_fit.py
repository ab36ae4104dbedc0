"""The model of a corpus: built from the settings, kept by a fingerprint of all it depends on."""

import pytest
from sklearn.base import clone

from analytics.model import fit
from analytics.model.fit import build_model, fingerprint, fit_or_load, model_folder
from analytics.model.io import load_model
from tests.model.test_themes import _corpus

DOCS = ["d1", "d2", "d3"]


def _changed(name: str, value: object) -> object:
    if name == "themes":
        return value[:-1]
    return (value or 0) + 1


def test_every_parameter_of_the_estimator_is_in_the_fingerprint(settings):
    model = build_model(settings)
    base = fingerprint(model, DOCS)
    for name, value in model.get_params().items():
        other = clone(model).set_params(**{name: _changed(name, value)})
        assert fingerprint(other, DOCS) != base, name


def test_the_reports_are_in_the_fingerprint_but_not_their_order(settings):
    model = build_model(settings)
    assert fingerprint(model, DOCS) == fingerprint(model, DOCS[::-1])
    assert fingerprint(model, DOCS) != fingerprint(model, DOCS[:2])


def test_a_seed_term_added_to_the_taxonomy_changes_the_fingerprint(settings, tmp_path):
    themes = tmp_path / "themes.toml"
    themes.write_text(
        settings.themes_file.read_text().replace('"single window"', '"one window", "single window"')
    )
    changed = settings.replace(themes_file=themes)
    assert fingerprint(build_model(changed), DOCS) != fingerprint(build_model(settings), DOCS)


def test_a_kept_model_is_loaded_not_refitted(settings, monkeypatch):
    texts, _ = _corpus()
    ids = [f"d{i}" for i in range(len(texts))]
    first, key = fit_or_load(texts, ids, settings)
    monkeypatch.setattr(fit.ThemeModel, "fit", lambda *a: pytest.fail("refitted"))
    again, same = fit_or_load(texts, ids, settings)
    assert same == key and again.labels_ == first.labels_
    monkeypatch.undo()
    _, other = fit_or_load(texts, ids, settings.replace(n_emerging=2))
    assert other != key


@pytest.mark.parametrize(
    ("damage", "file"),
    [
        (lambda path: path.write_bytes(b"\xff\xfe garbage"), "model.json"),
        (lambda path: path.write_text('{"params": {}}'), "model.json"),  # foreign
        (lambda path: path.write_bytes(path.read_bytes()[:100]), "model.npz"),  # truncated
        (lambda path: path.unlink(), "model.npz"),
    ],
)
def test_a_damaged_kept_model_is_fitted_again_never_trusted(settings, damage, file):
    texts, _ = _corpus()
    ids = [f"d{i}" for i in range(len(texts))]
    first, key = fit_or_load(texts, ids, settings)
    folder = model_folder(settings.cache_dir, key)
    damage(folder / file)
    again, same = fit_or_load(texts, ids, settings)
    assert same == key and again.labels_ == first.labels_
    assert load_model(folder).labels_ == first.labels_  # written whole again
    assert not list(folder.glob(".*.tmp"))


def test_a_large_corpus_is_fitted_on_a_fixed_sample_in_corpus_order():
    texts = [f"report {i}" for i in range(50)]
    sample = fit.fit_texts(texts, 10, random_state=0)
    assert len(sample) == 10 and len(set(sample)) == 10
    assert sample == sorted(sample, key=texts.index)
    assert fit.fit_texts(texts, 10, random_state=0) == sample
    assert fit.fit_texts(texts, 0, random_state=0) == texts
    assert fit.fit_texts(texts[:5], 10, random_state=0) == texts[:5]


def test_the_sample_size_is_in_the_fingerprint_only_when_it_samples(settings):
    model = build_model(settings)
    assert fingerprint(model, DOCS, sample=2) != fingerprint(model, DOCS, sample=0)
    assert fingerprint(model, DOCS, sample=10) == fingerprint(model, DOCS, sample=0)


def test_fit_or_load_fits_on_the_sample(settings, monkeypatch):
    texts, _ = _corpus()
    seen = []
    original = fit.ThemeModel.fit
    monkeypatch.setattr(fit.ThemeModel, "fit", lambda self, t: seen.append(t) or original(self, t))
    fit_or_load(texts, [f"d{i}" for i in range(len(texts))], settings.replace(fit_sample=6))
    assert len(seen[0]) == 6 and set(seen[0]) <= set(texts)
