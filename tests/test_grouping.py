"""Grouping redone in part: after reports are added, removed or changed, comparing only
the pairs that involve what changed gives exactly the grouping done whole."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import grouping
from analytics.chains import meetings_without_contradictions
from analytics.grouping import GROUPINGS_KEPT, _candidates, group_reports, kept_grouping, regroup

WORDS = [
    "customs", "administrations", "delegates", "regional", "conference", "trade",
    "facilitation", "revenue", "border", "agencies", "capacity", "building", "e-commerce",
    "integrity", "enforcement", "smuggling", "data", "risk", "management", "authorised",
    "economic", "operators", "pandemic", "recovery", "green", "Brussels", "Nairobi", "Lima",
    "Amman", "Tbilisi", "Ulaanbaatar", "Accra", "directors", "general", "heads", "council",
]  # fmt: skip


def _reports(rng: np.random.Generator, n: int, start: int = 0) -> tuple[pd.DataFrame, dict]:
    """``n`` reports of meetings told one to four times, close in date and place (so
    that many pairs are compared and many are linked), and their texts by doc_id."""
    rows, texts = [], {}
    while len(rows) < n:
        day = pd.Timestamp("2020-01-01") + pd.Timedelta(days=int(rng.integers(0, 40)))
        country = rng.choice(["KEN", "PER", "JOR", "GEO", ""])
        kind = rng.choice(["regional_conference", "workshop_or_training", "other"])
        base = rng.choice(WORDS, 60)
        for _ in range(int(rng.integers(1, 5))):
            words = np.where(rng.random(60) < rng.random() * 0.6, rng.choice(WORDS, 60), base)
            doc_id = f"d{start + len(rows):04d}"
            texts[doc_id] = " ".join(words)
            rows.append(_row(doc_id, " ".join(words[:6]), day, country, kind, rng))
    events = pd.DataFrame(rows[:n])
    for position in np.flatnonzero(rng.random(n) < 0.1):  # wires without a year
        row = events.iloc[position]
        dateline = f"{row['date']:%B} {row['date'].day} (Agency) - "
        texts[row["doc_id"]] = dateline + texts[row["doc_id"]]
        events.iloc[position, events.columns.get_indexer(["date", "end_date"])] = pd.NaT
    return events, {d: texts[d] for d in events["doc_id"]}


def _row(doc_id, title, day, country, kind, rng):
    slip = pd.Timedelta(days=int(rng.integers(0, 2)))
    return {"doc_id": doc_id, "title": title, "published": day + slip, "date": day + slip,
            "end_date": day + pd.Timedelta(days=2) if rng.random() < 0.3 else pd.NaT,
            "iso3": country, "virtual": country == "", "region": "R" + country[:1],
            "event_type": kind}  # fmt: skip


def _change(events: pd.DataFrame, rng: np.random.Generator, n: int) -> pd.DataFrame:
    """``n`` reports with another date, country, type or title."""
    events = events.copy()
    for position in rng.choice(len(events), n, replace=False):
        column = rng.choice(["date", "iso3", "event_type", "title"])
        value = {
            "date": events["date"].iloc[position] + pd.Timedelta(days=int(rng.integers(-3, 4))),
            "iso3": rng.choice(["KEN", "PER", "JOR"]),
            "event_type": rng.choice(["regional_conference", "other"]),
            "title": "a title of another meeting entirely",
        }[column]
        events.iloc[position, events.columns.get_loc(column)] = value
    return events


class Reader:
    """The texts of reports, counting which were asked for."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts, self.asked = texts, []

    def __call__(self, doc_ids: list[str]) -> list[str]:
        self.asked += doc_ids
        return [self.texts[d] for d in doc_ids]


def _links(grouping: pd.DataFrame) -> set[tuple[str, str]]:
    ids = grouping["doc_id"].to_numpy()
    return {(d, o) for d, rows in zip(ids, grouping["linked"], strict=True)
            for o in ids[rows]}  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_regrouping_after_additions_removals_and_changes_equals_grouping_whole(seed):
    rng = np.random.default_rng(seed)
    events, texts = _reports(rng, 240)
    added, more = _reports(rng, 40, start=1000)
    texts.update(more)
    kept = regroup(events.iloc[:200], Reader(texts))
    for step in range(3):
        now = pd.concat([events, added]) if step == 0 else events
        keep = rng.random(len(now)) > 0.1  # about a tenth removed
        now = _change(now[keep], rng, 15).sample(frac=1, random_state=seed + step)
        now = now.reset_index(drop=True)
        reader = Reader(texts)
        new = set(now["doc_id"]) - set(kept["doc_id"])
        part = regroup(now, reader, kept)
        whole = regroup(now, Reader(texts))
        assert part["meeting_id"].tolist() == whole["meeting_id"].tolist()
        assert _links(part) == _links(whole) and len(_links(whole)) > 50
        undated = set(now.loc[now["date"].isna(), "doc_id"])
        assert any(a in undated or b in undated for a, b in _links(whole))  # wires linked
        assert part["meeting_id"].nunique() < len(now)  # meetings of several reports
        assert new <= set(reader.asked) and len(reader.asked) <= len(new) + 15  # and changed
        kept, events = part, now


def _chain() -> tuple[pd.DataFrame, dict]:
    """Three reports of one place: the first and last three days apart, each linked
    to the middle one only."""
    text = "The heads of customs of the region met in Nairobi, Kenya, to discuss revenue."
    rows = [_row(d, "Regional meeting in Nairobi", pd.Timestamp(day), "KEN", "other",
                 np.random.default_rng(0)) | {"published": pd.Timestamp(day),
                                              "date": pd.Timestamp(day), "end_date": pd.NaT}
            for d, day in [("a", "2020-03-01"), ("b", "2020-03-02"), ("c", "2020-03-03")]]  # fmt: skip
    return pd.DataFrame(rows), {"a": text, "b": text, "c": text}


def test_removing_or_moving_the_report_that_joined_two_others_splits_the_meeting():
    events, texts = _chain()
    kept = regroup(events, Reader(texts))
    assert kept["meeting_id"].tolist() == ["m-a"] * 3
    removed = regroup(events.iloc[[0, 2]], Reader(texts), kept)
    assert removed["meeting_id"].tolist() == ["m-a", "m-c"]
    moved = events.assign(date=events["date"].where(events["doc_id"] != "b",
                                                    pd.Timestamp("2021-01-01")))  # fmt: skip
    assert regroup(moved, Reader(texts), kept)["meeting_id"].tolist() == ["m-a", "m-b", "m-c"]


def test_the_kept_grouping_is_read_again_or_redone_in_part(tmp_path):
    rng = np.random.default_rng(7)
    events, texts = _reports(rng, 120)
    added, more = _reports(rng, 5, start=1000)
    texts.update(more)
    first = kept_grouping(events, Reader(texts), tmp_path)
    again = Reader(texts)
    assert kept_grouping(events, again, tmp_path).tolist() == first.tolist() and not again.asked
    everything = pd.concat([events, added], ignore_index=True)
    reader = Reader(texts)
    ids = kept_grouping(everything, reader, tmp_path)
    assert sorted(reader.asked) == sorted(added["doc_id"])
    assert (
        ids.tolist() == group_reports(everything, [texts[d] for d in everything["doc_id"]]).tolist()
    )
    for path in tmp_path.iterdir():
        path.write_bytes(b"damaged")
    assert kept_grouping(everything, Reader(texts), tmp_path).tolist() == ids.tolist()


def test_no_report_is_no_meeting():
    events, _ = _chain()
    assert group_reports(events.iloc[:0], []).empty


def test_only_the_newest_groupings_of_this_version_are_kept(tmp_path):
    events, texts = _reports(np.random.default_rng(1), 40)
    (tmp_path / "0123456789abcdef0123.parquet").write_bytes(b"a grouping of version 1")
    for n in range(30, 36):
        kept_grouping(events.iloc[:n], Reader(texts), tmp_path)
    assert len(list(tmp_path.iterdir())) == GROUPINGS_KEPT


def _meeting(doc_id, title, text, day, end=None, country="CAF", kind="regional_conference"):
    """One report (a row of events and its text) of a meeting held in person."""
    day = pd.Timestamp(day) if day else pd.NaT
    row = {"doc_id": doc_id, "title": title, "published": day, "date": day,
           "end_date": pd.Timestamp(end) if end else pd.NaT, "iso3": country,
           "virtual": False, "region": "R", "event_type": kind}  # fmt: skip
    return row, text


def _grouped(*reports) -> list[str]:
    events = pd.DataFrame([row for row, _ in reports])
    return group_reports(events, [text for _, text in reports]).tolist()


_BAKU_EN = _meeting(
    "en", "Baku hosts the Heads of Customs of the Europe Region",
    "The State Customs Committee of Azerbaijan hosted the annual conference of the heads of "
    "customs services of the WCO Europe Region in Baku on 12 and 13 April, chaired by "
    "Norway Customs as Vice-Chair, with Secretary General Kunio Mikuriya.",
    "2012-04-12", "2012-04-13", "AZE",
)  # fmt: skip
_BAKU_RU = _meeting(
    "ru", "В Баку прошла конференция руководителей таможенных служб Европейского региона",
    "12–13 апреля в Баку состоялась ежегодная конференция руководителей таможенных служб "
    "Европейского региона ВТамО. Принимающей стороной выступил Государственный таможенный "
    "комитет Азербайджана, председательствовала Таможня Норвегии; Кунио Микурия.",
    "2012-04-12", "2012-04-13", "AZE",
)  # fmt: skip
_BANGUI_EN = _meeting(
    "en", "24th Conference of Directors General of Customs of West and Central Africa",
    "The 24th Conference of Directors General of Customs of the West and Central Africa "
    "region was held in Bangui, Central African Republic, from 13 to 15 March 2019, hosted "
    "by Central African Customs, on security, counterfeit medicines and transit.",
    "2019-03-13", "2019-03-15",
)  # fmt: skip


def test_a_copy_in_another_script_is_one_meeting_with_the_original():
    assert _grouped(_BAKU_EN, _BAKU_RU) == ["m-en", "m-en"]


def test_copies_reading_the_type_differently_are_one_meeting_by_their_ordinal():
    french = _meeting(
        "fr", "Bangui accueille la XXIVe Conférence des Directeurs généraux",
        "La 24e Conférence des Directeurs généraux des douanes de la région Afrique "
        "occidentale et centrale s'est tenue du 13 au 15 mars 2019 à Bangui, à "
        "l'invitation de la Douane centrafricaine : sécurité, faux médicaments, transit.",
        "2019-03-13", "2019-03-15", kind="other",
    )  # fmt: skip
    closing = _meeting(  # only the day it closed, and a Roman ordinal
        "es", "Clausura de la XXIV Conferencia de Directores Generales en Bangui",
        "Los Directores Generales de Aduanas de África Occidental y Central clausuraron hoy "
        "en Bangui su conferencia anual, con la seguridad y los medicamentos falsificados.",
        "2019-03-15", kind="international_forum",
    )  # fmt: skip
    assert _grouped(_BANGUI_EN, french, closing) == ["m-en"] * 3
    title = french[0]["title"].replace("XXIVe", "XXIIIe")
    other_ordinal = (
        french[0] | {"doc_id": "fr23", "title": title},
        french[1].replace("24e", "23e"),
    )
    assert _grouped(_BANGUI_EN, other_ordinal) == ["m-en", "m-fr23"]


def test_a_wire_without_a_year_joins_its_meeting_by_its_dateline():
    wire = _meeting(
        "wire", "Central Africa hosts regional customs talks",
        "BANGUI, March 13 (Agency) - Directors general of customs of West and Central "
        "Africa opened their 24th conference in Bangui on Wednesday, hosted by Central "
        "African Customs, on security, counterfeit medicines and transit.",
        None,
    )  # fmt: skip
    assert _grouped(_BANGUI_EN, wire) == ["m-en", "m-en"]
    elsewhere = (wire[0] | {"iso3": "ZMB"}, wire[1])  # the same day in another country
    assert _grouped(_BANGUI_EN, elsewhere) == ["m-en", "m-wire"]
    other_day = (wire[0], wire[1].replace("March 13", "March 20"))
    assert _grouped(_BANGUI_EN, other_day) == ["m-en", "m-wire"]


def test_a_wire_without_a_year_stays_apart_from_the_meeting_a_year_before():
    last_year = _meeting(
        "59", "59th Meeting of Directors General of Customs of the Arab States",
        "The 59th Meeting of Directors General of Customs of the Arab States was held at "
        "the Arab League in Cairo, Egypt, on 27 February, on smuggling and regional "
        "cooperation between the customs administrations of the region.",
        "2024-02-27", country="EGY",
    )  # fmt: skip
    wire = _meeting(
        "60", "Arab customs chiefs meet in Cairo",
        "CAIRO, Feb 27 (Agency) - The 60th Meeting of Directors General of Customs of the "
        "Arab States opened at the Arab League in Cairo, Egypt, on smuggling and regional "
        "cooperation between the customs administrations of the region.",
        None, country="EGY",
    )  # fmt: skip
    assert _grouped(last_year, wire) == ["m-59", "m-60"]
    assert _grouped(last_year, (wire[0], wire[1].replace("60th", "59th"))) == ["m-59"] * 2


def test_two_bodies_meeting_at_headquarters_on_the_same_days_stay_apart():
    committee = _meeting(
        "ptc", "WCO Permanent Technical Committee holds its 229th/230th Sessions",
        "The 229th/230th Sessions of the Permanent Technical Committee were held at WCO "
        "headquarters in Brussels, Belgium, from 4 to 6 March 2024, with delegates of the "
        "Members discussing the WCO's instruments on trade facilitation.",
        "2024-03-04", "2024-03-06", "BEL", "other",
    )  # fmt: skip
    group = _meeting(
        "wg", "E-Commerce Working Group holds its 12th meeting",
        "The 12th meeting of the Working Group on E-Commerce was held at WCO headquarters "
        "in Brussels, Belgium, from 4 to 6 March 2024, with delegates of the Members "
        "discussing the WCO's instruments on cross-border e-commerce.",
        "2024-03-04", "2024-03-06", "BEL", "other",
    )  # fmt: skip
    assert _grouped(committee, group) == ["m-ptc", "m-wg"]
    forum = (group[0] | {"event_type": "international_forum"}, group[1])
    assert _grouped(committee, forum) == ["m-ptc", "m-wg"]


def test_a_wire_without_a_year_joins_a_meeting_over_the_new_year():
    meeting = _meeting(
        "en", "Customs heads of the region meet in Bangui over the new year",
        "The heads of customs of the region met in Bangui, Central African Republic, from "
        "30 December 2019 to 2 January 2020, hosted by Central African Customs, on transit.",
        "2019-12-30", "2020-01-02",
    )  # fmt: skip
    wire = _meeting(
        "wire", "Customs heads meet in Bangui",
        "BANGUI, January 1 (Agency) - The heads of customs of the region met in Bangui, "
        "Central African Republic, hosted by Central African Customs, on transit.",
        None,
    )  # fmt: skip
    assert _grouped(meeting, wire) == ["m-en", "m-en"]
    impossible = (wire[0], wire[1].replace("January 1", "February 30"))
    assert _grouped(meeting, impossible) == ["m-en", "m-wire"]


def _council_week() -> list[tuple[dict, str]]:
    """A Council's sessions told three times (the Chair's release gives no ordinal) and a
    working group's meeting at headquarters on the same days, which names the Council."""
    where = "at WCO headquarters in Brussels, Belgium, from 27 to 29 June 2024"
    council = [
        ("news", "The 143rd/144th Council Sessions adopt a Fragile Borders plan",
         f"Delegations of the Members met {where} for the 143rd/144th Council Sessions, "
         "chaired by South Africa, and adopted a Fragile Borders Action Plan."),
        ("fr", "Le Conseil de l'OMD réuni pour ses 143e et 144e sessions",
         "Du 27 au 29 juin 2024, les délégations des Membres ont siégé au Conseil à "
         "Bruxelles pour ses 143e et 144e sessions, présidées par l'Afrique du Sud."),
        ("chair", "South Africa chairs the Council sessions in Brussels",
         f"South Africa chaired the annual Council sessions of the WCO, held {where}, "
         "where delegations of the Members adopted a Fragile Borders Action Plan."),
    ]  # fmt: skip
    group = ("wg", "Working Group meets in Council week",
             f"The Working Group on Revenue Compliance held its 12th meeting {where}, in "
             "the week of the Council sessions, with delegations of the Members' revenue "
             "services.")  # fmt: skip
    kind = "policy_commission_or_council"  # the working group's report names the Council
    return [
        _meeting(d, t, x, "2024-06-27", "2024-06-29", "BEL", kind) for d, t, x in [*council, group]
    ]


def test_a_report_without_an_ordinal_does_not_join_meetings_of_different_ordinals():
    reports = _council_week()
    events = pd.DataFrame([row for row, _ in reports])
    texts = {row["doc_id"]: text for row, text in reports}
    whole = regroup(events, Reader(texts))
    assert ("chair", "wg") in _links(whole)  # linked as a pair, yet not one meeting
    assert whole["meeting_id"].tolist() == ["m-chair", "m-chair", "m-chair", "m-wg"]
    part = regroup(events, Reader(texts), regroup(events.iloc[[0, 2, 3]], Reader(texts)))
    assert part["meeting_id"].tolist() == whole["meeting_id"].tolist()


_AUDIT_EN = _meeting(
    "en", "3rd ESA Regional Workshop on Post-Clearance Audit opens in Kampala",
    "The 3rd Regional Workshop on Post-Clearance Audit of the East and Southern Africa "
    "region was held in Kampala, Uganda, from 8 to 10 May 2023, hosted by the Uganda "
    "Revenue Authority, with auditors of fourteen administrations.",
    "2023-05-08", "2023-05-10", "UGA", "workshop_or_training",
)  # fmt: skip
_AUDIT_FR = _meeting(
    "fr", "Kampala accueille les auditeurs de la région AFOA",
    "Le 3e atelier régional sur le contrôle a posteriori de la région Afrique orientale et "
    "australe s'est tenu à Kampala (Ouganda) du 8 au 10 mai 2023, à l'invitation de "
    "l'Uganda Revenue Authority, avec les auditeurs de quatorze administrations.",
    "2023-05-08", "2023-05-10", "UGA", "other",
)  # fmt: skip


def test_copies_reading_unlike_types_on_the_same_days_are_one_meeting_by_their_ordinal():
    # a workshop and "a meeting": not close types, but the same place, days and ordinal
    assert _grouped(_AUDIT_EN, _AUDIT_FR) == ["m-en", "m-en"]
    no_ordinal = (_AUDIT_FR[0], _AUDIT_FR[1].replace("Le 3e atelier", "L'atelier"))
    assert _grouped(_AUDIT_EN, no_ordinal) == ["m-en", "m-fr"]
    fourth = (_AUDIT_FR[0], _AUDIT_FR[1].replace("3e", "4e"))
    assert _grouped(_AUDIT_EN, fourth) == ["m-en", "m-fr"]
    later = (_AUDIT_FR[0] | {"date": pd.Timestamp("2023-05-09")}, _AUDIT_FR[1])
    assert _grouped(_AUDIT_EN, later) == ["m-en", "m-fr"]  # not the same first day


def _linked_pairs(*reports) -> tuple[set, list[str]]:
    events = pd.DataFrame([row for row, _ in reports])
    grouping = regroup(events, Reader({row["doc_id"]: text for row, text in reports}))
    return _links(grouping), grouping["meeting_id"].tolist()


def _split_chain() -> list:
    """The 24th Conference, its copy, the 25th's copy and the 25th: a chain of links
    that the chain check cuts in two."""
    elects = "Delegates elected Cameroon as Vice-Chair and reviewed the regional strategy."
    met = ("Directors General of Customs of the West and Central Africa region met in "
           "Bangui from 13 to 15 March.")  # fmt: skip
    budget = "The budget of the regional training centres was adopted; Gabon hosts next."
    days, forum = ("2019-03-13", "2019-03-15"), "international_forum"
    return [
        _meeting("a24", "24th Conference elects Cameroon", f"The 24th Conference. {elects}",
                 *days),
        _meeting("b", "Conference elects Cameroon in Bangui", f"{elects} {met}", *days),
        _meeting("c", "Conference in Bangui adopts budget", f"{met} {budget}", *days,
                 kind=forum),
        _meeting("d25", "25th Conference adopts budget", f"The 25th Conference. {budget}",
                 *days, kind=forum),
    ]  # fmt: skip


def test_a_chain_of_reports_without_ordinals_does_not_join_two_meetings():
    # the 24th Conference and the 25th (invented), the same place and days, each with a
    # copy that gives no ordinal and reads the type as its original does; the two copies
    # have enough in common to be linked
    reports = _split_chain()
    links, meetings = _linked_pairs(*reports)
    assert links == {("a24", "b"), ("b", "c"), ("c", "d25")}  # a chain from 24th to 25th
    assert meetings == ["m-a24", "m-a24", "m-c", "m-c"]  # cut where least is in common
    events = pd.DataFrame([row for row, _ in reports])
    texts = Reader({row["doc_id"]: text for row, text in reports})
    part = regroup(events, texts, regroup(events.iloc[[0, 1, 3]], texts))  # c added
    assert part["meeting_id"].tolist() == meetings


def test_only_the_meetings_that_changed_are_checked_for_chains_again(monkeypatch):
    nairobi = "The heads of customs of the region met in Nairobi, Kenya, to discuss revenue."
    reports = [*_split_chain()] + [
        _meeting(d, "Regional meeting in Nairobi", nairobi, day, None, "KEN", "other")
        for d, day in [("n1", "2020-03-01"), ("n2", "2020-03-02"), ("n3", "2020-03-03")]
    ]
    events = pd.DataFrame([row for row, _ in reports])
    texts = Reader({row["doc_id"]: text for row, text in reports})
    kept = regroup(events.iloc[:-1], texts)
    checked: list[set[str]] = []
    now = {"events": events}

    def spy(first, second, reports, strength):
        checked.append(set(now["events"]["doc_id"].to_numpy()[np.r_[first, second]]))
        return meetings_without_contradictions(first, second, reports, strength)

    monkeypatch.setattr("analytics.grouping.meetings_without_contradictions", spy)
    part = regroup(events, texts, kept)  # n3 added to the meeting in Nairobi
    assert checked == [{"n1", "n2", "n3"}]  # the chain cut in Bangui is not checked again
    whole = regroup(events, Reader(texts.texts))
    assert part["meeting_id"].tolist() == whole["meeting_id"].tolist()
    assert part["meeting_id"].tolist()[:4] == ["m-a24", "m-a24", "m-c", "m-c"]
    checked.clear()
    now["events"] = events.drop(index=1)
    without_b = regroup(now["events"], texts, part)  # b removed: Bangui changed
    assert checked == [{"c", "d25"}]  # a24 lost its only link; c and d25 are still linked
    assert without_b["meeting_id"].tolist()[:3] == ["m-a24", "m-c", "m-c"]


def test_a_chain_of_reports_a_day_apart_does_not_stretch_over_a_week():
    text = "The heads of customs of the region met in Nairobi, Kenya, to discuss revenue."
    days = [("a", "2020-03-01", None), ("b", "2020-03-02", None),
            ("c", "2020-03-03", "2020-03-04"), ("d", "2020-03-05", None)]  # fmt: skip
    reports = [_meeting(d, "Regional meeting in Nairobi", text, s, e, "KEN", "other")
               for d, s, e in days]  # fmt: skip
    links, meetings = _linked_pairs(*reports)
    assert {("a", "b"), ("b", "c"), ("c", "d")} <= links  # each linked to the next
    assert meetings == ["m-a", "m-a", "m-a", "m-d"]  # the first and last four days apart


def test_a_chain_through_a_misread_place_does_not_join_meetings_in_two_countries():
    days = ("2022-05-04", "2022-05-05")
    kampala = ("The heads of customs of the East African Community met in Kampala, Uganda, "
               "on 4 and 5 May 2022 to discuss the single customs territory and the "
               "transit of goods along the Northern Corridor.")  # fmt: skip
    nairobi = (
        "Kenya Revenue Authority hosted a workshop in Nairobi, Kenya, on 4 and 5 May "
        "2022 for its post-clearance auditors on the valuation of imported vehicles."
    )
    title = "EAC heads of customs meet in Kampala"
    reports = [
        _meeting("kla", title, kampala, *days, "UGA", "other"),
        _meeting("nbo", "Auditors meet in Nairobi", nairobi, *days, "KEN", "other"),
        _meeting("copy", title, kampala.replace(".", ", chaired by Uganda."), *days, "KEN",
                 "other"),  # a copy of the first whose place is read as Kenya
    ]  # fmt: skip
    links, meetings = _linked_pairs(*reports)
    assert links == {("kla", "copy"), ("nbo", "copy")}  # Kampala-copy-Nairobi
    assert meetings == ["m-copy", "m-nbo", "m-copy"]  # the copy stays with its original


def test_the_next_meeting_in_town_a_day_later_needs_more_in_common():
    council = _meeting(
        "gc", "ESA Governing Council opens in Swakopmund",
        "SWAKOPMUND - Heads of customs of East and Southern Africa opened the 30th Governing "
        "Council of the region in Swakopmund today, hosted by the Namibia Revenue Agency, "
        "with the trade area and revenue on the agenda.",
        "2024-05-23", "2024-05-24", "NAM", "governing_council",
    )  # fmt: skip
    traders = _meeting(  # the day before, naming the council: read as one
        "rpsg", "Private sector group takes its wish list to Swakopmund",
        "Freight forwarders, clearing agents and shippers met as the region's private "
        "sector group in Swakopmund, one day before the customs chiefs' Governing Council, "
        "on transit bonds, proof of origin and waits at the border posts.",
        "2024-05-22", None, "NAM", "governing_council",
    )  # fmt: skip
    assert _grouped(council, traders) == ["m-gc", "m-rpsg"]
    slip = (
        council[0] | {"doc_id": "slip", "date": pd.Timestamp("2024-05-25"), "end_date": pd.NaT},
        council[1],
    )  # a day off, the same text
    assert _grouped(council, slip) == ["m-gc", "m-gc"]
    overlapping = (traders[0] | {"date": pd.Timestamp("2024-05-23")}, traders[1])
    assert _grouped(council, overlapping) == ["m-rpsg"] * 2  # the usual bar, as before


def test_a_copy_in_chinese_is_one_meeting_by_its_ordinal_place_days_and_type():
    english = _meeting(
        "en", "25th Asia/Pacific Heads of Customs Conference in Sydney",
        "The 25th WCO Asia/Pacific Heads of Customs Administrations Conference was held in "
        "Sydney, Australia, from 14 to 18 April 2024.",
        "2024-04-14", "2024-04-18", "AUS",
    )  # fmt: skip
    chinese = _meeting(
        "zh", "第25届世界海关组织亚太地区海关署长会议在悉尼举行",
        "2024年4月14日至18日，第25届世界海关组织亚太地区海关署长会议在澳大利亚悉尼举行。",
        "2024-04-14", "2024-04-18", "AUS",
    )  # fmt: skip
    assert _grouped(english, chinese) == ["m-en", "m-en"]
    other_type = (chinese[0] | {"event_type": "workshop_or_training"}, chinese[1])
    assert _grouped(english, other_type) == ["m-en", "m-zh"]
    other_days = (chinese[0] | {"end_date": pd.Timestamp("2024-04-17")}, chinese[1])
    assert _grouped(english, other_days) == ["m-en", "m-zh"]
    title = chinese[0]["title"].replace("第25届", "第24届")
    other_ordinal = (chinese[0] | {"title": title}, chinese[1].replace("第25届", "第24届"))
    assert _grouped(english, other_ordinal) == ["m-en", "m-zh"]


def test_a_wire_without_a_year_joins_the_year_whose_weekday_it_names():
    wire = _meeting(
        "wire", "Customs chiefs meet in Brazzaville",
        "BRAZZAVILLE, 26 mai (Agence) - Les directeurs généraux des douanes d'Afrique de "
        "l'Ouest et du Centre ont ouvert jeudi à Brazzaville leur conférence annuelle.",
        None, country="COG",
    )  # fmt: skip
    text = ("Les directeurs généraux des douanes d'Afrique de l'Ouest et du Centre ont "
            "ouvert à Brazzaville leur conférence annuelle.")  # fmt: skip
    thursday = _meeting("y22", "Conférence à Brazzaville", text, "2022-05-26", "2022-05-27",
                        "COG")  # 26 May 2022 was a Thursday  # fmt: skip
    friday = _meeting("y23", "Conférence à Brazzaville", text, "2023-05-25", "2023-05-26",
                      "COG")  # 26 May 2023 a Friday  # fmt: skip
    assert _grouped(thursday, friday, wire) == ["m-y22", "m-y23", "m-y22"]
    no_weekday = (wire[0], wire[1].replace(" jeudi", ""))
    grouped = _grouped(thursday, friday, no_weekday)
    assert grouped[2] in grouped[:2]  # either year, as before


@pytest.mark.parametrize("seed", range(3))
def test_the_pairs_of_some_reports_are_those_of_all_pairs_that_hold_one(seed):
    rng = np.random.default_rng(seed)
    events, _ = _reports(rng, 300)
    events.loc[events.index[:3], "end_date"] = events["date"].iloc[:3] + pd.Timedelta(days=9)
    among = rng.random(len(events)) < 0.1
    every = set(zip(*_candidates(events), strict=True))
    some = list(zip(*_candidates(events, among), strict=True))
    assert len(some) == len(set(some))  # each pair once
    assert set(some) == {(a, b) for a, b in every if among[a] or among[b]}
    assert len(some) < len(every)


def test_only_meetings_whose_reports_might_contradict_have_their_pairs_compared(monkeypatch):
    text = "The heads of customs of the region met in Nairobi, Kenya, to discuss revenue."
    copies = [_meeting(f"k{i:02d}", "Regional meeting in Nairobi", text, "2020-03-02", None,
                       "KEN", "other") for i in range(40)]  # fmt: skip
    compared: list[int] = []

    def spy(a, b, *rest):
        compared.append(len(a))
        return contradict(a, b, *rest)

    from analytics import chains

    contradict = chains._contradict
    monkeypatch.setattr(chains, "_contradict", spy)
    assert _grouped(*copies) == ["m-k00"] * 40
    assert compared == []  # 40 copies alike: none of their 780 pairs compared
    chain = [_meeting(d, "Regional meeting in Nairobi", text, s, e, "KEN", "other")
             for d, s, e in [("a", "2020-03-01", None), ("b", "2020-03-02", None),
                             ("c", "2020-03-03", "2020-03-04"), ("d", "2020-03-05", None)]]  # fmt: skip
    assert _grouped(*copies[:3], *chain) == ["m-a"] * 6 + ["m-d"]  # cut as before
    assert compared == [21]  # the pairs of the 7 reports of the one suspect meeting


def test_pairs_compared_in_slices_give_the_grouping_of_all_at_once(monkeypatch):
    events, texts = _reports(np.random.default_rng(3), 200)
    whole = regroup(events, Reader(texts))
    sizes = []
    plain = grouping._linked
    monkeypatch.setattr(
        grouping, "_linked", lambda e, o, a, *r: sizes.append(len(a)) or plain(e, o, a, *r)
    )
    monkeypatch.setattr(grouping, "PAIRS_AT_ONCE", 50)
    sliced = regroup(events, Reader(texts))
    assert len(sizes) > 3 and max(sizes) == 50
    assert sliced["meeting_id"].tolist() == whole["meeting_id"].tolist()
    assert _links(sliced) == _links(whole) and len(_links(whole)) > 50
    assert sliced["strength"].tolist() == whole["strength"].tolist()
