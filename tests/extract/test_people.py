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


def test_the_capital_first_look_ahead_changes_no_match():
    # every match opens with a capital: the look-ahead only spares the other positions
    import re

    from analytics.extract import people
    from analytics.settings import DATA

    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "demo").rglob("*.txt"))]
    texts.append("the deputy Director General of Kenya Revenue Authority, Jane Doe, said")
    for pattern in (people._ROLE_THEN_NAME, people._ORG):
        assert pattern.pattern.startswith(people._CAPITAL_FIRST)
        plain = re.compile(pattern.pattern.removeprefix(people._CAPITAL_FIRST), pattern.flags)
        for text in texts:
            assert [m.groupdict() for m in pattern.finditer(text)] == [
                m.groupdict() for m in plain.finditer(text)
            ]
