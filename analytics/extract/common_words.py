"""Ordinary words that the city tables also list as the name of some town.

geonames gives cities alternate names in every language, and some are plain words of a
report: Arabic "دولة" ("State", as in "the State of the UAE") is a name of Dhule in India,
Russian "Совет" ("Council") reads as Soweto, Chinese "中心" ("centre") is Zhongxin, and
"Centro", "Union" or "Central" are towns. Found by looking the words reports use for
states, capitals, cities, ports, centres, councils, "new", "saint" and the points of the
compass up in those tables; none of them is ever read as a place on its own.
"""

from __future__ import annotations

__all__ = ["ARABIC", "CHINESE", "LATIN", "RUSSIAN"]

# "State", "the new", "the city" (Madinah is named with its epithet or in full)
ARABIC = frozenset({"دولة", "الدولة", "الجديدة", "المدينة", "مدينة"})
# centre, new town, cooperation, democracy, new city, east town, peace, bright, victory,
# checkpoint, east and west of the river, south of the river, lasting peace
CHINESE = frozenset({
    "中心", "新城", "合作", "民主", "新市", "东城", "太平", "光明", "胜利", "关口", "河东",
    "河西", "江南", "永安",
})  # fmt: skip
# port, new, council, peace/world, dawn (in any case ending)
RUSSIAN = frozenset({"Порт", "Новый", "Новая", "Новые", "Совет", "Мира", "Заря"})
# English, French, Spanish and Portuguese words written with a capital in names of
# bodies, buildings and regions ("Centro de Convenciones", "Customs Union", "Federal
# Customs Service", "Palacio de Congresos", "Asia/Pacific")
LATIN = frozenset({
    "port", "puerto", "nuevo", "santo", "santa", "san", "center", "centro", "central",
    "union", "republic", "republica", "reino", "mission", "palacio", "douane", "federal",
    "libertad", "liberty", "liberte", "plaza", "playa", "villa", "vila", "ciudadela",
    "headquarters", "summit", "presidente", "africa", "asia", "america", "pacific",
    "oriental", "alliance", "alianza", "commerce", "democracia", "este", "sur",
})  # fmt: skip
