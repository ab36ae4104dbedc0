"""People with their roles, and organisations, named in a report."""

from analytics.extract.people import find_organisations, find_people


def test_people_and_organisations():
    text = (
        "At the invitation of Mr. Pedro Perez, Director General of Cuban Customs, WCO "
        "Secretary General Kunio Mikuriya met the Organization of American States (OAS)."
    )
    assert find_people(text) == [
        "Pedro Perez (Director General of Cuban Customs)",
        "Kunio Mikuriya (WCO Secretary General)",
    ]
    assert "Organization of American States (OAS)" in find_organisations(text)
