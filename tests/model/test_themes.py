"""The taxonomy file and the guided theme model."""

import numpy as np
import pandas as pd
import pytest

from analytics.errors import ModelError, TaxonomyError
from analytics.model.classify import classify
from analytics.model.fit import build_model
from analytics.model.io import load_model, save_model
from analytics.model.taxonomy import Theme, load_taxonomy
from analytics.model.themes import ThemeModel
from analytics.model.vocabulary import SeedTerms
from analytics.settings import Settings
from tests.conftest import ROOT

SENTENCES = {
    "trade_facilitation": [
        "Delegates reviewed the implementation of the WTO Trade Facilitation Agreement.",
        "The single window cut clearance times for traders at the border.",
        "Authorized Economic Operator programmes and mutual recognition were expanded.",
        "The Revised Kyoto Convention remains the blueprint for simplified clearance.",
    ],
    "ecommerce": [
        "The surge of small parcels from online marketplaces strains postal clearance.",
        "Low-value e-commerce consignments need advance electronic data from platforms.",
        "The E-Commerce Framework of Standards guides cross-border e-commerce controls.",
        "Express carriers and postal operators discussed e-commerce parcels.",
    ],
    "security_terrorism": [
        "Officers shared intelligence on terrorism and the smuggling of weapons.",
        "The Strategic Trade Control Enforcement programme targets dual-use goods.",
        "Precursor chemicals used in improvised explosive devices were a security concern.",
        "Supply chain security under the SAFE Framework was strengthened against terrorism.",
    ],
}
FILLER = "The meeting closed with thanks to the host administration for its hospitality."


def _report(themes: list[str], variant: int) -> str:
    parts = [SENTENCES[t][(variant + i) % 4] for t in themes for i in range(2)]
    return " ".join([*parts, FILLER])


def _corpus() -> tuple[list[str], list[set[str]]]:
    combos = [["trade_facilitation"], ["ecommerce"], ["security_terrorism"],
              ["trade_facilitation", "ecommerce"], ["ecommerce", "security_terrorism"],
              ["trade_facilitation", "security_terrorism"]]  # fmt: skip
    texts, truth = [], []
    for variant in range(4):
        for combo in combos:
            texts.append(_report(combo, variant))
            truth.append(set(combo))
    return texts, truth


@pytest.fixture(scope="module")
def taxonomy():
    themes = {t.id: t for t in load_taxonomy(ROOT / "data" / "themes.toml")}
    return [themes[k] for k in SENTENCES]


@pytest.fixture(scope="module")
def model(taxonomy):
    texts, _ = _corpus()
    return ThemeModel(themes=taxonomy, n_emerging=1, threshold=0.3, random_state=0).fit(texts)


def test_default_taxonomy_has_the_fifteen_themes():
    themes = load_taxonomy(ROOT / "data" / "themes.toml")
    assert [t.id for t in themes][:3] == ["trade_facilitation", "ecommerce", "security_terrorism"]
    assert len(themes) == 15
    assert all(t.terms["en"] and t.terms["fr"] and t.terms["es"] for t in themes)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[theme]]\nid = "x"\nlabel = \n', "line 3"),
        ('[[theme]]\nid = "a"\nlabel = "A"\ndescription = "d"\nen = ["a"]\n\n[[theme]]\nid = "b"\n',
         "line 7: missing `label`"),
        ('[[theme]]\nid = "Bad Id"\nlabel = "A"\ndescription = "d"\nen = ["a"]\n', "line 1: `id`"),
        ('[[theme]]\nid = "a"\nlabel = "A"\ndescription = "d"\nen = "a"\n', "`en` must be a list"),
        ('title = "no themes"\n', "no [[theme]] tables"),
    ],
)  # fmt: skip
def test_malformed_taxonomy_names_the_line(tmp_path, content, message):
    path = tmp_path / "themes.toml"
    path.write_text(content)
    with pytest.raises(TaxonomyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_taxonomy(path)


def test_fit_returns_self_with_learned_state(taxonomy):
    texts, _ = _corpus()
    model = ThemeModel(themes=taxonomy, n_emerging=1)
    assert model.fit(texts) is model
    assert model.components_.shape[0] == len(taxonomy) + 1
    assert model.theme_ids_[:3] == [t.id for t in taxonomy]
    assert model.kinds_ == ["named", "named", "named", "emerging"]
    assert model.labels_[-1].startswith("Emerging: ")


def test_named_themes_are_found(model):
    texts, truth = _corpus()
    assigned = model.assign(model.transform(texts))
    named = [set(a) - {"emerging_1"} for a in assigned]
    correct = sum(a == t for a, t in zip(named, truth, strict=True))
    assert correct / len(truth) >= 0.9


def test_top_terms_follow_the_seeds(model):
    terms = model.top_terms(10)
    assert {"parcels", "e-commerce"} & set(terms["ecommerce"])
    assert {"terrorism", "security"} & set(terms["security_terrorism"])


def test_deterministic_with_random_state(taxonomy, model):
    texts, _ = _corpus()
    again = ThemeModel(themes=taxonomy, n_emerging=1, threshold=0.3, random_state=0).fit(texts)
    np.testing.assert_allclose(again.transform(texts), model.transform(texts))


def test_transform_new_report_without_refit(model):
    components = model.components_.copy()
    scores = model.transform(["Postal operators struggle with small parcels from e-commerce."])
    assert model.assign(scores)[0][0] == "ecommerce"
    np.testing.assert_array_equal(model.components_, components)


def test_save_and_load_round_trip_without_pickle(model, tmp_path):
    save_model(model, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.json", "model.npz"]
    loaded = load_model(tmp_path)
    texts, _ = _corpus()
    np.testing.assert_allclose(loaded.transform(texts), model.transform(texts))
    assert loaded.labels_ == model.labels_


def test_french_and_spanish_reports_get_themes():
    model = build_model(Settings()).fit(_corpus()[0])
    french = "Les délégués ont examiné la facilitation des échanges et le guichet unique pour le dédouanement."
    spanish = (
        "Se debatió el comercio electrónico y los envíos de bajo valor en los pequeños paquetes."
    )
    assigned = model.assign(model.transform([french, spanish]))
    assert "trade_facilitation" in assigned[0]
    assert "ecommerce" in assigned[1]


def test_classify_gives_evidence_sentences(model):
    texts, _ = _corpus()
    events = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    doc_themes, out = classify(model, events)
    first = doc_themes[doc_themes["doc_id"] == "d1"].iloc[0]
    assert first["theme"] == "ecommerce" and first["label"] == "E-commerce"
    assert any("parcel" in s or "e-commerce" in s.lower() for s in first["evidence"])
    assert out.loc[1, "themes"][0] == "ecommerce"
    assert set(out.loc[1, "theme_weights"]) >= {"ecommerce"}


def test_added_theme_appears_after_refit(tmp_path):
    source = (ROOT / "data" / "themes.toml").read_text()
    extra = '\n[[theme]]\nid = "dogs"\nlabel = "Detector dogs"\ndescription = "Dog units."\nen = ["detector dogs", "canine"]\n'
    path = tmp_path / "themes.toml"
    path.write_text(source + extra)
    texts = [
        *_corpus()[0],
        "The canine unit showed how detector dogs find drugs. Detector dogs are trained.",
    ] * 2
    model = build_model(Settings().replace(themes_file=path)).fit(texts)
    assert "dogs" in model.theme_ids_
    assert "dogs" in model.assign(model.transform([texts[-1]]))[0]


def test_theme_dataclass_all_terms():
    theme = Theme("x", "X", "d", {"en": ("a",), "fr": ("b",), "es": ()})
    assert theme.all_terms == ("a", "b")


def test_seed_terms_inside_names_of_bodies_are_not_evidence(model):
    named = "Hosted by the Kenya Revenue Authority and the Law Enforcement Council, delegates met."
    _, evidence = model.unit_weights([named])
    assert evidence.sum() == 0
    plain = "Delegates discussed postal parcels and terrorism at length."
    _, evidence = model.unit_weights([plain])
    by_theme = dict(zip(model.theme_ids_, evidence[0], strict=True))
    assert by_theme["ecommerce"] >= 2 and by_theme["security_terrorism"] >= 1


def test_emerging_themes_name_their_closest_named_theme(model):
    closest = model.closest_named()
    assert set(closest) == {"emerging_1"}
    theme, similarity = closest["emerging_1"]
    assert theme in model.theme_ids_[:3] and 0.0 <= similarity <= 1.0


def test_guidance_keeps_named_components_near_their_seeds(taxonomy):
    texts, _ = _corpus()
    seeds = ThemeModel(themes=taxonomy, n_emerging=1).fit(texts)
    free = ThemeModel(themes=taxonomy, n_emerging=1, guidance=0.0).fit(texts)

    def seed_similarity(fitted):
        comps = fitted.components_[fitted.alignment_]
        comps = comps / np.linalg.norm(comps, axis=1, keepdims=True)
        rows = fitted.seed_matrix_ / np.linalg.norm(fitted.seed_matrix_, axis=1, keepdims=True)
        return float(np.mean(np.sum(comps * rows, axis=1)))

    assert seed_similarity(seeds) > seed_similarity(free)


def test_a_corpus_without_sentences_to_learn_from_is_a_model_error(taxonomy):
    with pytest.raises(ModelError, match="no sentence long enough"):
        ThemeModel(themes=taxonomy).fit(["Too short.", "Also short."])


def test_a_damaged_model_file_is_a_model_error_naming_the_folder(model, tmp_path):
    save_model(model, tmp_path)
    (tmp_path / "model.npz").write_bytes(b"not an archive")
    with pytest.raises(ModelError, match=str(tmp_path)):
        load_model(tmp_path)


def test_names_of_bodies_count_only_beside_a_discussion_and_weak_terms_count_half():
    themes = [
        Theme(
            "enf", "Enforcement", "d", {"en": ("drug seizures", "smuggling"), "names": ("RILO",)}
        ),
        Theme("gov", "Governance", "d", {"en": ("governance",), "weak": ("strategy",)}),
    ]
    counts = SeedTerms(themes).count(
        [
            "The RILO hosted the delegates in its new offices.",
            "The RILO reported record drug seizures at the ports.",
            "Members discussed the regional strategy for the next years.",
        ]
    )
    np.testing.assert_allclose(counts, [[0, 0], [2, 0], [0, 0.5]])


def test_taxonomy_reads_weak_terms_and_names(tmp_path):
    path = tmp_path / "themes.toml"
    path.write_text(
        '[[theme]]\nid = "a"\nlabel = "A"\ndescription = "d"\nen = ["x"]\nweak = ["y"]\n'
        'names = ["Z Programme"]\n'
    )
    (theme,) = load_taxonomy(path)
    assert (theme.weak_terms, theme.name_terms) == (("y",), ("Z Programme",))
    assert theme.all_terms == ("x", "y", "Z Programme")
    path.write_text('[[theme]]\nid = "a"\nlabel = "A"\ndescription = "d"\nen = ["x"]\nweak = "y"\n')
    with pytest.raises(TaxonomyError, match="`weak` must be a list"):
        load_taxonomy(path)


def test_the_pandemic_as_a_point_in_time_and_plural_office_names_are_no_evidence():
    themes = [
        Theme("health", "Health", "d", {"en": ("pandemic", "COVID-19")}),
        Theme("enf", "Enforcement", "d", {"en": ("seizures",), "names": ("RILOs",)}),
    ]
    counts = SeedTerms(themes).count(
        [
            "It was the first meeting held in person since the COVID-19 pandemic.",
            "The Regional Intelligence Liaison Offices (RILOs) presented their reports.",
            "Customs measures against the pandemic were reviewed.",
        ]
    )
    np.testing.assert_allclose(counts, [[0, 0], [0, 0], [1, 0]])
