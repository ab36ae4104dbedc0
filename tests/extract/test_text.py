"""A report's parts: banners and furniture out, title, publication date, sentences."""

from analytics.extract.text import strip_boilerplate


def test_banners_are_stripped():
    text = (
        "Cette page n'est pas disponible dans la langue sélectionnée French : Français et "
        "nous vous la proposons par conséquent en English : English.\n\nTitle\n\n3 mai 2016"
    )
    assert strip_boilerplate(text) == ["Title", "3 mai 2016"]


def test_closing_sections_and_cookie_notices_are_not_the_report():
    text = (
        "Heads of Customs meet\n\n3 May 2017\n\nThe heads of customs met in Lima on 2 May.\n\n"
        "They discussed transit and risk management at length.\n\nThis site uses cookies. "
        "Accept all cookies\n\nAbout the WCO\n\nThe WCO works on revenue, security and "
        "trade facilitation.\n\nMedia contact: press@example.org"
    )
    lines = strip_boilerplate(text)
    assert lines[-1] == "They discussed transit and risk management at length."
    assert not any("cookies" in line for line in lines)


def test_an_about_heading_early_in_the_report_is_kept():
    lines = strip_boilerplate("About the WCO regional meeting\n\nIt was held in Lima.\n\nMore.")
    assert lines[0] == "About the WCO regional meeting"
