"""A programme's objectives told as background and a short list of topics "such as" are
asides; the meeting's own aims and topics discussed one by one are not. Sentences are ours."""

import numpy as np
import pytest

from analytics.model import context


@pytest.mark.parametrize(
    "unit",
    [
        "The partnership aims to promote trade facilitation and sustainable development.",
        "The programme focuses on building capacity in key areas including risk management, "
        "valuation and rules of origin.",
        "The visit was organised in support of the objectives of the regional integrity plan.",
        "The project, whose objectives include faster clearance and better data, ends in 2027.",
    ],
)
def test_a_programmes_objectives_are_an_aside(unit):
    np.testing.assert_allclose(context.unit_context([unit], np.ones((1, 1))), [context.ASIDE])


@pytest.mark.parametrize(
    "unit",
    [
        "The workshop aims to train twenty officers in the risk management of air cargo.",
        "Delegates agreed that the partnership would fund two scanners at the main crossing.",
    ],
)
def test_the_meetings_own_aims_are_no_aside(unit):
    np.testing.assert_allclose(context.unit_context([unit], np.ones((1, 1))), [1.0])


@pytest.mark.parametrize(
    "unit",
    [
        "They were also briefed on topics such as e-commerce and security.",
        "The seminar covered important topics, such as valuation, rules of origin and transit, "
        "among others.",
        "Cooperation in areas such as risk management and intelligence was praised.",
        "ناقش المشاركون أيضا مواضيع مثل التجارة الإلكترونية، والأمن، والإيرادات.",
        "ناقش المشاركون أيضا مواضيع مثل التجارة الإلكترونية؛ والأمن؛ والإيرادات.",
        "会议还谈到了电子商务、安全和税收等议题。",
    ],
)
def test_a_short_list_of_topics_such_as_is_an_aside(unit):
    np.testing.assert_allclose(context.unit_context([unit], np.ones((1, 1))), [context.ASIDE])


@pytest.mark.parametrize(
    "unit",
    [
        "Delegates compared how each administration values used cars and agreed on a database.",
        "The topics discussed were chosen by the members a year ago and each had a session.",
    ],
)
def test_a_sentence_without_a_bare_list_of_topics_is_no_aside(unit):
    np.testing.assert_allclose(context.unit_context([unit], np.ones((1, 1))), [1.0])


def test_arabic_and_chinese_separators_split_a_list():
    # the first part holds the subject and verb: four items follow it
    arabic = "ناقش المشاركون الأمن؛ الإيرادات؛ التجارة؛ المعابر؛ التدريب"
    assert len(context.enumeration(arabic, 4).split(", ")) == 4
    assert len(context.enumeration("会议讨论了安全；税收；贸易；口岸；培训", 4).split(", ")) == 4
