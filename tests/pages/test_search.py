"""The sidebar search on the Meetings page finds a meeting by any of its reports."""

from __future__ import annotations

from analytics.pipeline import analyse
from tests.conftest import SMALL_REPORTS, report_text
from tests.pages.test_pages import open_app
from tests.test_meetings import ENGLISH, FRENCH

ONE_MEETING = {
    "ulaanbaatar.txt": report_text(
        "Asia/Pacific heads of customs meet in Ulaanbaatar", "12 May 2019", ENGLISH
    ),
    "ulaanbaatar-fr.txt": report_text(
        "Les chefs des douanes d'Asie/Pacifique à Ulaanbaatar", "13 mai 2019", FRENCH
    ),
}


def test_the_search_finds_a_meeting_by_a_word_only_its_second_report_has(
    make_corpus, settings, monkeypatch
):
    folder = make_corpus({**SMALL_REPORTS, **ONE_MEETING})
    for name, value in {
        "MEETINGS_CORPUS_DIRS": str(folder),
        "MEETINGS_CACHE_DIR": str(settings.cache_dir),
        "MEETINGS_UPLOAD_DIR": str(settings.upload_dir),
    }.items():
        monkeypatch.setenv(name, value)
    analysis = analyse(settings.replace(corpus_dirs=(folder,)))
    (meeting,) = analysis.meetings[analysis.meetings["n_reports"] == 2].to_dict("records")
    assert meeting["source"] == "corpus/ulaanbaatar.txt"  # the English report leads
    for word in ("délégations", "Les chefs des douanes"):  # the French text, its title
        table = open_app("meetings", q=word).dataframe[0].value
        assert list(table["source"]) == ["corpus/ulaanbaatar.txt"], word
        assert list(table["reports"]) == [2]
