"""A report's parts: banners and furniture out, title, publication date, sentences."""

from analytics.extract.text import strip_boilerplate


def test_banners_are_stripped():
    text = (
        "Cette page n'est pas disponible dans la langue sélectionnée French : Français et "
        "nous vous la proposons par conséquent en English : English.\n\nTitle\n\n3 mai 2016"
    )
    assert strip_boilerplate(text) == ["Title", "3 mai 2016"]
