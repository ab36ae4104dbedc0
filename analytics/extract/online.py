"""Whether a meeting was held online: said so in the title or the sentence reporting it,
in any of the site's languages, and not merely joined online by some."""

from __future__ import annotations

import re

from analytics.extract.gate import Gated

__all__ = ["is_virtual", "this_meeting_online"]

_ONLINE = r"(?:online|on-line|virtual(?:ly)?|en ligne|en l[ií]nea|virtuelle?)"
_GATHERING = (
    r"(?:meeting|meetings|conference|session|sessions|workshop|forum|event|format|caucus|"
    r"seminar|edition|gathering|dialogue|training|course|exchange|consultation|summit|"
    r"platform|mode|réunion|reunión|conférence|conferencia|séance|sesión)"
)
_NOT_A_MEETING = r"(?!reality|private|currenc|assets?\b)"  # "virtual reality training"
_VIRTUAL = Gated(
    re.compile(
        r"视频会议|视频方式|以视频|线上|在线|視訊|視像會議|видеоконференц\w*|в режиме онлайн|"
        r"в онлайн-формате|افتراضي\w*|عن بعد|عبر (?:تقنية )?(?:الفيديو|الاتصال المرئي)|"
        r"\b(?:video[- ]?conferenc\w*|videoconfer[êe]nc\w*|videoconferencia|visioconf[ée]rence|"
        r"webinars?|webinaires?|webinarios?|"
        r"by video(?: link)?|via (?:zoom|teams|webex|video\w*)|"
        r"(?:through|over|using|by means of|via)\s+(?:an?\s+)?(?:online\s+)?video[- ]?links?|"
        rf"(?:held|met|meet|meets|gathered|took place|convened|organi[sz]ed|hosted|hosting|"
        rf"holding|conducted|conducting|run|tenue?s?|celebrad[ao]|realizad[ao])\s+"
        rf"(?:\w+\s+){{0,2}}?{_ONLINE}|"
        # "online face-to-face meetings"; "a virtual Data Analytics (DA) workshop" ("online"
        # before a topic is often the trade's: "online sales platform"; nor is a "virtual
        # reality training" online)
        rf"{_ONLINE}\s+{_NOT_A_MEETING}(?:[\w-]+\s+)?{_GATHERING}|"
        rf"virtual\s+{_NOT_A_MEETING}(?:[\w()-]+\s+){{0,3}}?{_GATHERING}|"
        r"virtually|"
        # the noun first: "une formation en ligne", "un taller virtual"
        r"(?:formations?|formaci[óo]n|capacitaci[óo]n|ateliers?|s[ée]minaires?|seminarios?|"
        r"talleres|taller|cursos?|cours|r[ée]unions?|reuni[óo]n|conf[ée]rences?|conferencias?|"
        r"workshops?|semin[áa]rios?|oficinas?|reuni[ãa]o|reuni[õo]es|treinamentos?)\s+"
        r"(?:virtuel(?:le)?s?|en ligne|en l[ií]nea|virtual(?:es)?|virtuais|online)|"
        rf"(?:de|en|em) (?:forma|manera|modo|modalidad|formato?) virtual|en mode virtuel|"
        rf"de mani[èe]re virtuelle|en format virtuel)\b",
        re.IGNORECASE,
    )
)
_HYBRID = Gated(
    re.compile(
        r"\bhybrid\b|\bhybride?\b|\bin person and online\b|\bin the room\b|"
        r"\b(?:in person|face[- ]to[- ]face|on site|onsite) (?:and|or) (?:online|virtually|remotely)\b|"
        r"\b(?:online|virtually|remotely) (?:and|or) (?:in person|face[- ]to[- ]face|on site)\b|"
        r"\bpr[ée]sentiel(?:le)? et (?:à distance|en ligne)\b|\bpresencial y virtual\b|"
        r"\b(?:following|joined|joining|connected|participating)\s+(?:\w+\s+)?(?:online|remotely)\b",
        re.IGNORECASE,
    )
)


def is_virtual(title: str, lead: str) -> bool:
    """True when the title or the sentence that reports the meeting says it was held
    online (not merely that it discussed online trade, nor that some joined online)."""
    text = f"{title} {lead}"
    lower = text.lower()
    return bool(_VIRTUAL.search(text, lower)) and not _HYBRID.search(text, lower)


# "This meeting was conducted via video conference": the meeting itself, whatever place the
# sentence reporting it names ("was held in Indonesia on 2-3 November"): its organiser's
_THIS_MEETING = re.compile(
    r"\b(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|conference|session|workshop|event)\s+"
    r"(?:(?:was|were|is|has been)\s+(?:\w+\s+){0,2}?(?:conducted|held|run|organi[sz]ed|"
    r"convened)|(?:\w+\s+){0,2}?(?:took|takes) place)\b",
    re.IGNORECASE,
)


# "The webinar addressed ...": the meeting itself is called a webinar
_THIS_WEBINAR = re.compile(
    r"^(?:this|the|ce|le|el|este)\s+(?:[\w-]+\s+){0,2}?(?:webinar|webinaire|webinario|"
    r"video[- ]?conference|visioconf[ée]rence|videoconferencia)\b",
    re.IGNORECASE,
)


def this_meeting_online(text: str) -> bool:
    """True when a sentence says the meeting itself was held online ("this meeting was
    conducted via video conference", "The webinar addressed ..."), not merely that
    something was."""
    return any(
        (_THIS_MEETING.search(sentence) and is_virtual("", sentence))
        or _THIS_WEBINAR.match(sentence)
        for sentence in re.split(r"(?<=[.;])\s+", text)
    )
