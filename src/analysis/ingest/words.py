"""Word lists of the mention rules: titles, roles, gendered words, non-actor heads, outlets."""

from __future__ import annotations

import re

#: Seats of government that stand for their state ("the Kremlin said"), ISO 3166-1 alpha-3.
SEATS: dict[str, str] = {
    "Kremlin": "RUS",
    "Downing Street": "GBR",
    "Elysee": "FRA",
    "Élysée": "FRA",
    "Zhongnanhai": "CHN",
    "Blue House": "KOR",
}

#: Head words of names that are not actors: documents, agreements, events, weapons
#: ("the Russian Presidential Decree", "the Black Sea Grain Initiative", "Patriot missiles").
NON_ACTOR_HEADS: frozenset[str] = frozenset(
    """
    accord accords act agreement agreements aircraft airport avenue award bill bomb bombs bridge
    campaign championship charter code conference constitution convention conventions corridor
    counteroffensive covenant crisis cup dam day deal deals declaration decree decrees directive
    district doctrine drone drones election elections festival forum games guidelines highway
    index initiative island islands jet jets law laws meeting memorandum missile missiles month
    mountains oblast ocean offensive olympics operation package pact peninsula pipeline plan
    plans port prize project protocol province referendum region regulation
    regulations report reports resolution resolutions river rocket rockets route rules sanctions
    sea ship ships square statement station statute statutes strategy street submarine summit
    summits system systems talks tank tanks tanker treaties treaty vaccine vessel virus war wars
    weapon weapons week year freighter frigate cruiser destroyer
    """.split()  # noqa: SIM905
)

#: Head nouns of offices and roles: a title or an apposition holding one gives a person's office.
ROLE_HEADS: frozenset[str] = frozenset(
    """
    activist admiral adviser advisor aide ambassador analyst attorney candidate ceo chair
    chairman chairperson chairwoman chancellor chief colonel commander commissioner coordinator
    correspondent critic deputy diplomat director director-general dissident economist editor
    emperor envoy executive expert founder general governor head journalist judge king lawmaker
    lawyer leader legislator manager mayor member minister ministers negotiator officer official
    opposition owner pope premier president prince princess professor prosecutor prosecutor-
    general queen rapporteur reporter representative researcher secretary secretary-general
    senator speaker spokesman spokesperson spokeswoman vice-president nurse doctor teacher
    engineer volunteer student farmer resident pilot priest
    """.split()  # noqa: SIM905
)

#: Words that give a person's grammatical gender when the text uses them of that person.
GENDERED: dict[str, str] = {
    "mr.": "m",
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "spokesman": "m",
    "chairman": "m",
    "congressman": "m",
    "businessman": "m",
    "king": "m",
    "prince": "m",
    "emperor": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "husband": "m",
    "widower": "m",
    "man": "m",
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "madam": "f",
    "dame": "f",
    "lady": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
    "congresswoman": "f",
    "businesswoman": "f",
    "queen": "f",
    "princess": "f",
    "empress": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "wife": "f",
    "widow": "f",
    "woman": "f",
    "actress": "f",
}

#: Words in an organisation's name that make it an intergovernmental body.
IGO_WORDS = re.compile(
    r"^(?:UN|U\.N\.|United Nations|EU|European Union|European Commission|NATO|OSCE|IAEA|WHO|"
    r"ICC|IMF|UNHCR|UNICEF|OPEC|ASEAN|African Union|World Bank|World Health Organization|"
    r"World Food Programme|International (?:Atomic Energy Agency|Criminal Court|Court of "
    r"Justice|Monetary Fund|Organization for Migration|Committee of the Red Cross))(?!\w)"
)

#: News outlets and agencies known by a name without a media word ("Reuters", "Politico").
# fmt: off
MEDIA_NAMES: frozenset[str] = frozenset([
    "ABC", "AFP", "Agence France-Presse", "Al Jazeera", "Anadolu", "AP", "Associated Press",
    "Axios", "BBC", "Bloomberg", "CBS", "CNN", "Der Spiegel", "Fox News", "Interfax",
    "Izvestia", "Kommersant", "Kyodo", "Le Monde", "Meduza", "NBC", "NHK", "NPR", "Politico",
    "Reuters", "RIA Novosti", "Sky News", "TASS", "Tass", "Ukrinform", "Vedomosti", "Xinhua",
    "Yonhap",
])
# fmt: on

#: Words of a title before a name ("Defense Minister", "Gen.", "spokesman").
TITLE_WORDS: frozenset[str] = frozenset(
    """
    Acting acting Adm. adviser Agriculture Air Ambassador Army Capt. Chancellor Chief chief Col.
    Commander Defence Defense Deputy Dr. Economy Energy Envoy Finance Force Foreign former
    Former Gen. General Governor head Head Health Interior Justice King Leader leader Lt. Maj.
    Mayor Minister minister Mr Mr. Mrs Mrs. Ms Ms. National Navy official Pope president
    President Prime
    Queen Rep. Secretary Security Sen. Senator Speaker spokesman spokesperson spokeswoman State
    Supreme then- Trade Vice
    Dr Prof Prof. Gen Col Capt Lt Maj Sgt Sgt. Rev Rev. Cmdr Cmdr. Brig Brig.
    Admiral Brigadier Captain Colonel Commodore Corporal Lieutenant Marshal Sergeant
    """.split()  # noqa: SIM905
)

#: Honorifics: a name after one is a person's, whatever the NER's label ("Dr Okafor" ORG).
HONORIFICS: frozenset[str] = frozenset(
    "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame".split()  # noqa: SIM905
)

#: Capitalised words that never start a name (function words, days, months, page furniture).
NOT_NAMES: frozenset[str] = frozenset(
    """
    A After An And April As At Aug. August Before But By Comment Dec. December Dr. During Feb.
    February For Friday From He Here How I If In It Its Jan. January July June March May Monday
    More Mr. Mrs. Ms. Nov. November Oct. October Of On Or Our Photo Read Related Reuters
    Saturday Sept. September Share She So Source Sources Sunday That The There These They This
    Those Thursday To Tuesday Video We Wednesday What When Where Who Why With You
    """.split()  # noqa: SIM905
)

#: Short names of countries the gazetteer lacks ("Britain's Ministry of Defence"), ISO3.
COUNTRY_SHORT: dict[str, str] = {
    "Britain": "GBR",
    "Great Britain": "GBR",
    "UK": "GBR",
    "U.K.": "GBR",
    "US": "USA",
    "U.S.": "USA",
    "America": "USA",
    "Holland": "NLD",
    "Czechia": "CZE",
    "Turkiye": "TUR",
}
