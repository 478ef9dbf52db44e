"""Controlled vocabularies of the dataset: PLOVER types, modes, contexts, sectors, our codes."""

# Sources, checked for this module:
#   PLOVER manual, openeventdata/PLOVER PLOVER_MANUAL.tex, "DRAFT Version 0.8" (the newest text in
#   the repository; 2021 copyright): event categories, mode tables, context tables, sector codes.
#   CAMEO2PLOVER-2021.txt in the same repository: the CAMEO -> PLOVER crosswalk used for
#   CAMEO_ROOT_TO_PLOVER (e.g. CAMEO 195 "Employ aerial weapons" -> ASSAULT, heavy-weapons).
# Where this project departs from the manual, the departure is named here, next to the constant.

from __future__ import annotations

from typing import Final

# --- Events ----------------------------------------------------------------------------------

#: The 16 PLOVER event categories. The manual's draft 0.8 still calls the verbal-conflict
#: category DEMAND; the project contract (and later PLOVER releases) name it REQUEST, which is
#: what we use. Its modes are DEMAND's (shared with REJECT in the manual).
PLOVER_EVENT_TYPES: Final[frozenset[str]] = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",  # verbal cooperation
        "COOPERATE",
        "AID",
        "RETREAT",  # material cooperation
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",  # verbal conflict
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",  # material conflict
    }
)

#: Event types this project adds, each with why PLOVER cannot hold it. Checked first: a trial,
#: indictment or charge is PLOVER ACCUSE with mode `allege` ("sue, indict, or charge; bring to
#: trial"), an arrest is COERCE `arrest`, so neither needs an extension.
EVENT_TYPE_EXTENSIONS: Final[dict[str, str]] = {
    "APPOINT": "appointment or nomination to public office; PLOVER has no type for it "
    "(RETREAT covers only resignations)",
}

#: Quad category of each event type (PLOVER manual, "Quad category" of each section).
PLOVER_QUADS: Final[dict[str, str]] = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict",
    "SANCTION": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
    "APPOINT": "verbal cooperation",  # ours: an act of office without material conflict
}

#: PLOVER conflict-cooperation scores (manual 0.8, table "PLOVER conflict--cooperation scores";
#: the manual's row COOPERATION is the COOPERATE category). Extensions have none.
PLOVER_SCORES: Final[dict[str, float]] = {
    "ASSAULT": -9.3,
    "COERCE": -7.2,
    "PROTEST": -6.6,
    "MOBILIZE": -5.3,
    "SANCTION": -5.2,
    "THREATEN": -5.1,
    "REQUEST": -5.0,
    "REJECT": -4.2,
    "ACCUSE": -2.0,
    "CONSULT": 2.1,
    "AGREE": 4.2,
    "SUPPORT": 4.6,
    "CONCEDE": 5.0,
    "COOPERATE": 6.8,
    "AID": 7.4,
    "RETREAT": 7.6,
}

_REQUEST_REJECT_MODES: Final[frozenset[str]] = frozenset({"assist", "change", "yield", "meet"})

#: Allowed `mode` values per event type, exactly the manual's mode tables (draft 0.8). Types
#: whose section says "Supplementary fields: None" have no modes. No mode is invented here:
#: drone strikes are ASSAULT `heavy-weapons`, as the 2021 crosswalk codes CAMEO 195 "Employ
#: aerial weapons".
PLOVER_MODES: Final[dict[str, frozenset[str]]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset(
        {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}
    ),
    "REQUEST": _REQUEST_REJECT_MODES,
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": _REQUEST_REJECT_MODES,
    "THREATEN": frozenset(
        {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"}
    ),
    "PROTEST": frozenset({"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset(
        {
            "confiscate",
            "restrict",
            "ban",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
        }
    ),
    "ASSAULT": frozenset(
        {
            "abduct",
            "beat",
            "torture",
            "execute",
            "sexual",
            "assassinate",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "heavy-weapons",
            "cleansing",
            "massacre",
            "unconventional",
            "sideAB",
        }
    ),
    # extensions
    "APPOINT": frozenset(),
}

#: Modes this project adds to PLOVER's, each with why. The export contract names `drone` as a
#: mode, and analysts filter on it: PLOVER 0.8 folds drone strikes into `heavy-weapons`.
MODE_EXTENSIONS: Final[dict[str, dict[str, str]]] = {
    "ASSAULT": {"drone": "attack by an uncrewed aerial vehicle (PLOVER 0.8: heavy-weapons)"},
}
for _type, _modes in MODE_EXTENSIONS.items():
    PLOVER_MODES[_type] = PLOVER_MODES[_type] | frozenset(_modes)

#: PLOVER's general contexts (manual 0.8, table "General contexts").
PLOVER_CONTEXTS: Final[frozenset[str]] = frozenset(
    {
        "military",
        "intelligence",
        "peacekeeping",
        "economic",
        "diplomatic",
        "resource",
        "disease",
        "enviro_disaster",
        "migration",
        "humanitarian",
        "asylum",
        "legal",
        "human_rights",
        "rights_freedoms",
        "gender",
        "lgbt",
        "terrorism",
        "human_security",
        "religion_ethnicity",
        "executive",
        "election",
        "legislative",
        "cbrn",
        "cyber",
        "political_institutions",
        "corruption",
        "crime",
        "illegal_drugs",
    }
)

#: PLOVER's four special contexts. This project records them in an event's `status` instead of
#: its contexts (status -> special context below), so they are not in PLOVER_CONTEXTS.
PLOVER_SPECIAL_CONTEXTS: Final[frozenset[str]] = frozenset(
    {
        "historical",
        "future",
        "hypothetical",
        "negation",
    }
)

#: Event status: how the source presents the event relative to its reporting period.
EVENT_STATUSES: Final[dict[str, str]] = {
    "factual": "reported as having happened, or happening, in the period the source covers",
    "future": "planned, scheduled or expected",
    "historical": "happened before the period the source covers",
    "hypothetical": "possible, proposed or conditional; not reported as having happened",
    "negated": "reported as not having happened",
}

#: The PLOVER special context each status corresponds to (factual has none).
STATUS_SPECIAL_CONTEXT: Final[dict[str, str]] = {
    "future": "future",
    "historical": "historical",
    "hypothetical": "hypothetical",
    "negated": "negation",
}

#: Date granularities; CONTRACT.md fixes each one's interval.
GRANULARITIES: Final[frozenset[str]] = frozenset({"day", "week", "month", "year", "unknown"})

#: CAMEO cue categories (two-digit roots) with their CAMEO names.
CAMEO_ROOTS: Final[dict[str, str]] = {
    "01": "MAKE PUBLIC STATEMENT",
    "02": "APPEAL",
    "03": "EXPRESS INTENT TO COOPERATE",
    "04": "CONSULT",
    "05": "ENGAGE IN DIPLOMATIC COOPERATION",
    "06": "ENGAGE IN MATERIAL COOPERATION",
    "07": "PROVIDE AID",
    "08": "YIELD",
    "09": "INVESTIGATE",
    "10": "DEMAND",
    "11": "DISAPPROVE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "EXHIBIT FORCE POSTURE",
    "16": "REDUCE RELATIONS",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "FIGHT",
    "20": "USE UNCONVENTIONAL MASS VIOLENCE",
}

#: PLOVER types a CAMEO root maps to in CAMEO2PLOVER-2021.txt (DEMAND named REQUEST here).
#: Roots 01 and 02 are dropped by PLOVER; some roots split by sub-code (08: 081-083 CONCEDE,
#: 084-087 RETREAT; 16: 163 COERCE; 17: 1712 ASSAULT; 19: 191-192 COERCE).
CAMEO_ROOT_TO_PLOVER: Final[dict[str, frozenset[str]]] = {
    "01": frozenset(),
    "02": frozenset(),
    "03": frozenset({"AGREE"}),
    "04": frozenset({"CONSULT"}),
    "05": frozenset({"SUPPORT"}),
    "06": frozenset({"COOPERATE"}),
    "07": frozenset({"AID"}),
    "08": frozenset({"CONCEDE", "RETREAT"}),
    "09": frozenset({"ACCUSE"}),
    "10": frozenset({"REQUEST"}),
    "11": frozenset({"ACCUSE"}),
    "12": frozenset({"REJECT"}),
    "13": frozenset({"THREATEN"}),
    "14": frozenset({"PROTEST"}),
    "15": frozenset({"MOBILIZE"}),
    "16": frozenset({"SANCTION", "COERCE"}),
    "17": frozenset({"COERCE", "ASSAULT"}),
    "18": frozenset({"ASSAULT"}),
    "19": frozenset({"ASSAULT", "COERCE"}),
    "20": frozenset({"ASSAULT"}),
}

# --- Actors ----------------------------------------------------------------------------------

ACTOR_KINDS: Final[frozenset[str]] = frozenset(
    {
        "person",
        "state",
        "organization",
        "igo",
        "media",
        "group",
        "unnamed",
    }
)

#: Sector codes: PLOVER's primary sector codes (manual 0.8), PLOVER's non-state actor codes
#: (IGO, NGO, ISM, IMG, MNC), and UNK. Note MED: PLOVER redefined it as health; news media
#: are JRN (in CAMEO, MED was media).
SECTORS: Final[dict[str, str]] = {
    "GOV": "government: the executive, governing parties, coalition partners, executive divisions",
    "JUD": "judiciary: judges, courts",
    "LEG": "legislature: parliaments, assemblies, lawmakers",
    "MIL": "military: troops, soldiers, defence ministries, all state-military personnel",
    "COP": "police forces, officers, criminal investigative units, protective agencies",
    "OPP": "political opposition: opposition parties, individuals, anti-government activists",
    "PTY": "political parties not identified with government or opposition",
    "REB": "rebels: armed opposition groups or individuals",
    "PRM": "paramilitary organizations not in opposition to government",
    "SPY": "state intelligence services",
    "UAF": "unidentified armed forces ('unknown gunmen')",
    "CVL": "civilians; the catch-all for individuals, incl. former officials",
    "BUS": "business: individuals, companies and enterprises, not MNCs",
    "EDU": "educators, schools, students, education organizations",
    "MED": "health: individuals and organizations dealing with health (not media: see JRN)",
    "LAB": "organized labour in services or manufacturing",
    "AGR": "agricultural labour, peasants",
    "JRN": "journalists, news agencies, newspapers, radio, television, web sites",
    "REF": "refugees and internally displaced persons",
    "REL": "religious organizations and institutions",
    "SOC": "civil society organizations and movements not covered elsewhere",
    "CRM": "individual criminals and criminal gangs or networks",
    "IGO": "international governmental organization",
    "NGO": "non-governmental organization",
    "ISM": "international social movement",
    "IMG": "transnational militarized group",
    "MNC": "multinational corporation",
    "UNK": "unknown or unspecified sector (ours, not PLOVER's)",
}

# --- Places ----------------------------------------------------------------------------------

PLACE_KINDS: Final[frozenset[str]] = frozenset(
    {
        "city",
        "district",
        "region",
        "country",
        "river",
        "sea",
        "port",
        "area",
    }
)

#: How exactly a place's coordinates locate what the source means.
PRECISIONS: Final[dict[str, str]] = {
    "point": "an exact spot",
    "town": "a city or town",
    "area": "a district, stretch of river or coast, or other sub-national area",
    "admin1": "a first-order administrative division (oblast, province, state)",
    "country": "somewhere in the country",
}

# --- Claims ----------------------------------------------------------------------------------

#: asserts: says something is or was so (incl. stated positions and existing plans);
#: denies: says something is not so; predicts: says something will (probably) happen,
#: incl. pledges and conditional commitments; questions: casts doubt without denying.
CLAIM_STANCES: Final[frozenset[str]] = frozenset({"asserts", "denies", "predicts", "questions"})

#: Whether the reporter says it verified the claim; `unknown` when the source does not say.
VERIFICATIONS: Final[frozenset[str]] = frozenset(
    {
        "confirmed",
        "not_independently_verified",
        "unknown",
    }
)

# --- Topics ----------------------------------------------------------------------------------

TOPICS: Final[dict[str, str]] = {
    "arms_cooperation": "Russia-North Korea arms and military cooperation: munitions supply, "
    "defence visits, joint exercises",
    "russia_dprk_summitry": "leader-level contacts between Russia and North Korea: summits, "
    "planned visits, letters",
    "grain_deal": "the Black Sea Grain Initiative: Russia's exit, conditions, revival efforts",
    "food_security": "global food supply and food crises, grain deliveries to poor countries",
    "security_incident": "drone strikes and interceptions, spillover onto third countries",
    "espionage": "spying cases, arrests and trials for intelligence work",
    "human_trafficking": "trafficking and coerced recruitment of people",
    "ukraine_defense_leadership": "Ukraine's defence ministry: its minister, appointments, "
    "corruption allegations",
    "military_aid": "weapons and other military aid to a party of the war",
    "counteroffensive": "Ukraine's 2023 counteroffensive and the course of the fighting",
}
