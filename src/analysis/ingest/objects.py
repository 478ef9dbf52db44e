"""Verbs whose object decides the event: "send troops" mobilizes, "released a report" is none.

Part of the PLOVER verb lexicon of ingest (predicates.py), with the same sources.
"""

from __future__ import annotations

from analysis.ingest.senses import DIP as _DIP
from analysis.ingest.senses import ECO as _ECO
from analysis.ingest.senses import LEG as _LEG
from analysis.ingest.senses import MIL as _MIL
from analysis.ingest.senses import Sense
from analysis.ingest.senses import s as _s
from analysis.ingest.senses import words as _words

#: (lemma, object lemma) -> sense: the object decides ("send troops" is no aid).
VERB_OBJECT: dict[tuple[str, str], Sense] = {
    ("deploy", "weapon"): _s("MOBILIZE", "weapons", _MIL),
    ("deploy", "missile"): _s("MOBILIZE", "weapons", _MIL),
    ("bolster", "supply"): _s("MOBILIZE", "weapons", _MIL),
    ("lift", "sanction"): _s("CONCEDE", "", _ECO),
    ("ease", "sanction"): _s("CONCEDE", "", _ECO),
    ("lift", "ban"): _s("CONCEDE", "", ()),
    ("lift", "restriction"): _s("CONCEDE", "", ()),
    ("swap", "letter"): _s("CONSULT", "phone", _DIP),
    ("exchange", "letter"): _s("CONSULT", "phone", _DIP),
    ("cut", "tie"): _s("SANCTION", "", _DIP),
    ("sever", "tie"): _s("SANCTION", "", _DIP),
    ("expel", "diplomat"): _s("SANCTION", "expel", _DIP),
    ("strike", "deal"): _s("AGREE", "", _DIP),
    ("freeze", "asset"): _s("SANCTION", "", _ECO),
    ("ratify", "treaty"): _s("AGREE", "", _DIP),
    ("ratify", "agreement"): _s("AGREE", "", _DIP),
    ("ratify", "accord"): _s("AGREE", "", _DIP),
    ("ratify", "bid"): _s("SUPPORT", "", _DIP),
    ("ratify", "membership"): _s("SUPPORT", "", _DIP),
    ("strike", "agreement"): _s("AGREE", "", _DIP),
    ("reach", "deal"): _s("AGREE", "", _DIP),
    ("reach", "agreement"): _s("AGREE", "", _DIP),
    ("free", "prisoner"): _s("RETREAT", "release", ()),
    ("release", "prisoner"): _s("RETREAT", "release", ()),
    ("provide", "weapon"): _s("AID", "", _MIL),
    ("supply", "weapon"): _s("AID", "", _MIL),
    ("provide", "munition"): _s("AID", "", _MIL),
    ("supply", "munition"): _s("AID", "", _MIL),
    ("open", "fire"): _s("ASSAULT", "firearms", ()),
    ("restrict", "export"): _s("SANCTION", "", _ECO),
    ("restrict", "import"): _s("SANCTION", "", _ECO),
    ("restrict", "trade"): _s("SANCTION", "", _ECO),
    ("restrict", "sale"): _s("SANCTION", "", _ECO),
    ("restrict", "shipment"): _s("SANCTION", "", _ECO),
    ("curb", "export"): _s("SANCTION", "", _ECO),
    ("curb", "import"): _s("SANCTION", "", _ECO),
    ("curb", "trade"): _s("SANCTION", "", _ECO),
    ("curb", "sale"): _s("SANCTION", "", _ECO),
    ("curb", "shipment"): _s("SANCTION", "", _ECO),
    ("ban", "export"): _s("SANCTION", "", _ECO),
    ("ban", "import"): _s("SANCTION", "", _ECO),
    ("ban", "trade"): _s("SANCTION", "", _ECO),
    ("ban", "sale"): _s("SANCTION", "", _ECO),
    ("ban", "shipment"): _s("SANCTION", "", _ECO),
    ("fire", "missile"): _s("ASSAULT", "heavy-weapons", _MIL),
    ("fire", "rocket"): _s("ASSAULT", "heavy-weapons", _MIL),
    ("fire", "shell"): _s("ASSAULT", "heavy-weapons", _MIL),
    ("fire", "drone"): _s("ASSAULT", "drone", _MIL),
    ("launch", "missile"): _s("ASSAULT", "heavy-weapons", _MIL),
    ("launch", "rocket"): _s("ASSAULT", "heavy-weapons", _MIL),
    ("launch", "drone"): _s("ASSAULT", "drone", _MIL),
    ("violate", "airspace"): _s("ASSAULT", "", _MIL),
    ("enter", "airspace"): _s("ASSAULT", "", _MIL),
    ("identify", "scheme"): _s("ACCUSE", "investigate", _LEG),
    ("identify", "network"): _s("ACCUSE", "investigate", _LEG),
    ("identify", "suspect"): _s("ACCUSE", "investigate", _LEG),
    ("identify", "plot"): _s("ACCUSE", "investigate", _LEG),
    ("uncover", "scheme"): _s("ACCUSE", "investigate", _LEG),
    ("uncover", "network"): _s("ACCUSE", "investigate", _LEG),
    ("uncover", "plot"): _s("ACCUSE", "investigate", _LEG),
}

#: (lemma, object lemma) pairs that are idioms, not events ("struck a tone", "hit a record").
NOT_EVENTS = frozenset(
    {
        ("strike", "tone"),
        ("strike", "chord"),
        ("strike", "balance"),
        ("strike", "note"),
        ("hit", "record"),
        ("hit", "high"),
        ("hit", "low"),
        ("hit", "target"),
        ("target", "audience"),
        ("send", "message"),
        ("send", "signal"),
        ("meet", "demand"),
        ("meet", "expectation"),
        ("meet", "target"),
        ("meet", "criterion"),
        ("back", "claim"),
    }
)

#: Giving verbs and the materiel that makes them aid ("would send more air defense systems").
GIVING = _words(
    "send deliver provide supply give ship transfer donate lend grant allocate fund finance "
    "release disburse"
)
#: Commitments that are aid when what they promise is money or materiel ("pledged $2 billion",
#: "promised 50 generators"); otherwise an agreement ("pledged to cooperate").
PLEDGES = _words("pledge promise commit earmark offer")
MATERIEL = _words(
    "weapon system tank jet missile ammunition munition shell equipment vehicle "
    "artillery howitzer drone aircraft fighter grain food money fund funding loan aid "
    "assistance vaccine medicine fuel supply package transformer generator turbine repair "
    "reconstruction"
)

#: Verbs that report an event only with the right object (or a named one, a proper noun):
#: "released two prisoners" is a release, "released a report" is not; "hosts 3.6 million
#: refugees" is no visit; "named the dead soldiers" no appointment.
OBJECTS: dict[str, frozenset[str]] = {
    "release": _words(
        "prisoner hostage detainee captive soldier pow civilian journalist activist crew "
        "sailor national citizen man woman people child"
    ),
    "host": _words("talk summit meeting delegation visit leader counterpart"),
    "name": _words(
        "minister ambassador chief head envoy commander director secretary president "
        "coordinator spokesperson spokesman spokeswoman successor governor"
    ),
    "revive": _words("deal agreement initiative talk negotiation tie relation"),
    "restore": _words("tie relation contact dialogue cooperation deal agreement"),
    "warn": frozenset(),  # "warned Moscow": a threat; "warned that ...": a claim
}
OBJECTS["free"] = OBJECTS["release"]
OBJECTS["appoint"] = OBJECTS["nominate"] = OBJECTS["name"] | frozenset({"judge", "member"})

#: Forces and warships: sending or moving them mobilizes ("sent two minesweepers to the area"),
#: where sending materiel to someone aids them.
FORCES = _words(
    "troop soldier force unit battalion brigade division marine paratrooper reservist "
    "warship ship vessel frigate destroyer corvette minesweeper submarine fleet"
)
for _verb in ("send", "dispatch", "deploy", "move", "station", "redeploy"):
    VERB_OBJECT.update({(_verb, f): _s("MOBILIZE", "troops", _MIL) for f in FORCES})
#: Diplomats whose summons is a protest and whose recall a break of relations.
DIPLOMATS = _words(
    "ambassador envoy diplomat d'affaire d'affaires affaire chargé charge attaché consul"
)
#: Vessels whose boarding by another state's forces is coercion ("boarded a cargo ship").
VESSELS = _words("ship vessel tanker freighter boat carrier yacht")
OBJECTS["summon"] = OBJECTS["recall"] = DIPLOMATS
OBJECTS["board"] = VESSELS
#: A visit is to a party or a place of one ("visited Beijing", "visited the plant in Kursk");
#: "visited several camps" is none.
OBJECTS["visit"] = _words(
    "country capital city region headquarters plant site facility front frontline border "
    "base counterpart leader president troops"
)
OBJECTS["dismiss"] = _words(
    "claim report allegation accusation charge finding proposal request demand offer plan "
    "call suggestion idea"
)
#: People whose transfer, return or exchange is a deportation or a release.
PEOPLE = _words(
    "child civilian people resident person family prisoner pow captive hostage detainee "
    "soldier body citizen national orphan"
)
for _person in PEOPLE:
    VERB_OBJECT[("transfer", _person)] = _s("COERCE", "deport", ())  # "transferred children"
    VERB_OBJECT[("return", _person)] = _s("RETREAT", "release", ())
    VERB_OBJECT[("swap", _person)] = _s("RETREAT", "release", ())
    VERB_OBJECT[("exchange", _person)] = _s("RETREAT", "release", ())
for _goods in ("export", "import", "shipment", "sale", "trade", "supply", "delivery"):
    for _verb in ("halt", "stop", "block", "limit", "suspend", "tighten"):
        VERB_OBJECT[(_verb, _goods)] = _s("SANCTION", "", _ECO)  # "halted exports of gallium"
for _bomb in ("bomb", "explosive"):
    VERB_OBJECT[("drop", _bomb)] = _s("ASSAULT", "explosives", _MIL)
_AGREEMENTS = _words(
    "deal agreement treaty accord pact initiative contract arrangement convention partnership "
    "union alliance organization council"
)
OBJECTS["terminate"] = OBJECTS["exit"] = _AGREEMENTS
OBJECTS["accept"] = _words("proposal offer plan deal agreement terms invitation ceasefire truce")
OBJECTS["shoot"] = PEOPLE | _words("man woman protester demonstrator officer policeman")
for _post in ("embassy", "consulate", "mission"):
    VERB_OBJECT[("close", _post)] = _s("SANCTION", "discontinue", _DIP)
for _way in ("border", "airspace", "port", "crossing", "strait", "checkpoint"):
    for _verb in ("close", "shut", "seal"):  # a state closing its border to another: a sanction
        VERB_OBJECT[(_verb, _way)] = _s("SANCTION", "", _DIP)
    VERB_OBJECT[("reopen", _way)] = _s("CONCEDE", "", ())
for _craft in ("helicopter", "jet", "aircraft", "bomber", "fighter", "missile", "tank", "drone"):
    for _verb in ("move", "station", "redeploy", "deploy", "relocate"):
        VERB_OBJECT[(_verb, _craft)] = _s("MOBILIZE", "weapons", _MIL)  # "moved helicopters"
for _measure in ("blockade", "siege", "restriction", "control", "curfew", "embargo", "tariff"):
    for _verb in ("lift", "ease", "suspend", "waive", "relax", "scrap"):
        VERB_OBJECT[(_verb, _measure)] = _s("CONCEDE", "", ())  # "suspended the tariffs"
for _verb in ("suspend", "waive", "relax", "scrap"):
    VERB_OBJECT[(_verb, "sanction")] = _s("CONCEDE", "", _ECO)
#: People whose sending or training is aid ("will send instructors", "train 300 sailors").
TRAINEES = _words("crew sailor soldier troop pilot recruit cadet officer")
TRAINERS = _words("instructor trainer adviser advisor expert engineer deminer")
for _person in TRAINEES:
    VERB_OBJECT[("train", _person)] = _s("AID", "", _MIL)
for _craft in ("jet", "fighter", "aircraft", "plane", "warplane", "interceptor"):
    VERB_OBJECT[("scramble", _craft)] = _s("MOBILIZE", "", _MIL)  # "scrambled fighter jets"
for _vessel in VESSELS:
    VERB_OBJECT[("escort", _vessel)] = _s("COERCE", "", _MIL)  # "escorted the tanker to port"
OBJECTS["execute"] = PEOPLE | _words("man woman prisoner activist")
OBJECTS["attend"] = _words("summit meeting talk conference forum session ceremony negotiation")
OBJECTS["receive"] = _words("leader president minister delegation counterpart envoy chancellor")
for _arms in ("weapon", "force", "missile", "drone"):
    VERB_OBJECT[("use", _arms)] = _s("ASSAULT", "", _MIL)  # "could use nuclear weapons"
for _verb in ("cut", "lower", "tighten", "reduce"):
    VERB_OBJECT[(_verb, "cap")] = _s("SANCTION", "", _ECO)  # "lowered the oil price cap"
#: Enacting verbs and the acts they enact: the act's content decides the event ("passed a law
#: to widen mobilisation" mobilizes, "adopted a decree banning exports" sanctions).
ENACTING = _words("pass adopt approve enact sign")
LAWS = _words("law bill legislation decree amendment")
