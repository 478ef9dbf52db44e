"""Actor and place mentions, resolved to the registry; new names proposed as draft actors/places.

The core is spaCy's PhraseMatcher over every surface form the registry knows (names, aliases,
a person's surname, place names, issue names — the last only so "Black Sea Grain Initiative" is
not read as the Black Sea). Rules then add what a phrase list cannot hold:
- titles: "Russian Defense Minister Sergei Shoigu" is one mention of Shoigu;
- roles: an organisation before "spokesman" ("Ukrainian Foreign Ministry spokesman Oleg
  Nikolenko") and anything inside an appositive (", a NATO member,") is not an actor of its own;
- possessives: "Romania's Defense Ministry", "its Foreign Ministry" resolve to the actor whose
  parent is that state and whose name ends in those words;
- places: "the Kaluga region", "Ukraine's southeast", a country after "in", a gazetteer city;
- weapons: "a Ukrainian drone" names Ukraine as the one who flew it;
- pronouns and definite descriptions: "he", "it", "the ministry" take the nearest fitting
  antecedent (a sentence's first person for "he");
- unmatched capitalised names with a title or an organisation word are proposed as new actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from analysis.ingest import nlp as nlp_
from analysis.ingest import places as geo
from analysis.ingest.lexicon import DEMONYMS, Lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence
from analysis.model import Actor
from analysis.quotes import fold


@dataclass(frozen=True)
class Mention:
    """A span of the text that names (or points back to) an actor or a place."""

    start: int
    end: int
    kind: str  # actor | place | issue
    ids: tuple[str, ...]  # one id, or several for a coordinated owner ("its")
    sentence: int  # index in the sentence list
    confidence: float
    role: str = ""  # "" | modifier | appositive | qualifier | locative | relational
    named: bool = True  # the source names it (not "the country's foreign minister")
    via: str = ""  # how it was found: registry | title | possessive | pronoun ...

    @property
    def id(self) -> str:
        return self.ids[0]

    @property
    def independent(self) -> bool:
        """An actor in its own right here: not a modifier, appositive or place qualifier."""
        return self.role not in ("modifier", "appositive", "qualifier")


TITLE_WORDS = frozenset(
    [
        "President",
        "Prime",
        "Minister",
        "Foreign",
        "Defense",
        "Defence",
        "Interior",
        "Finance",
        "Secretary",
        "General",
        "Gen.",
        "Chancellor",
        "Ambassador",
        "Envoy",
        "Deputy",
        "Vice",
        "Chief",
        "Commander",
        "King",
        "Queen",
        "Pope",
        "Mayor",
        "Governor",
        "Senator",
        "Sen.",
        "Rep.",
        "Speaker",
        "Leader",
        "leader",
        "Supreme",
        "Lt.",
        "Col.",
        "Adm.",
        "Capt.",
        "Maj.",
        "Dr.",
        "Mr.",
        "Mrs.",
        "Ms.",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "official",
        "adviser",
        "State",
        "Security",
        "National",
        "Justice",
        "Economy",
        "Energy",
        "Agriculture",
        "Trade",
        "Health",
        "Army",
        "Navy",
        "Air",
        "Force",
        "Head",
        "head",
        "chief",
        "Acting",
        "acting",
        "former",
        "Former",
        "then-",
    ]
)
ROLE_NOUNS = re.compile(
    r"^\s+(?:spokes(?:man|woman|person)|officials?|minister|ambassador|envoy|advis[eo]r|chief|"
    r"head|commander|director|secretary|members?|representatives?|lawmakers?|sources?|"
    r"leaders?|troops|forces|soldiers|diplomats?|staff|workers?|employees?)\b"
)
_DEMONYM_RX = "|".join(sorted((re.escape(d) for d in DEMONYMS), key=len, reverse=True))
_TITLE_PREFIX = re.compile(
    rf"(?:(?:{_DEMONYM_RX}|[A-Z][a-z]+(?:'s)?|{'|'.join(re.escape(w) for w in TITLE_WORDS)})"
    r"\s+)+$"
)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s[^,.;:]{1,90},")
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "into",
        "over",
        "across",
        "inside",
        "throughout",
        "within",
        "on",
        "onto",
        "toward",
        "towards",
    ]
)
RELATIONAL = frozenset(["near", "outside", "of", "from", "off", "around", "beyond"])
_PREV_WORD = re.compile(
    r"([A-Za-z-]+)\s+(?:the\s+)?(?:(?:administrative|central|northern|southern|eastern|western|"
    r"north-eastern|south-eastern|north-western|south-western|northeastern|southeastern|"
    r"northwestern|southwestern)\s+)?$"
)
_REGION = re.compile(
    r"\b(?:the\s+)?(?P<name>[A-Z][\w-]+)\s+(?P<kind>region|oblast|province|"
    r"Oblast|Province|Region|governorate|prefecture|district|District)\b"
)
_NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
_DIRECTIONAL = re.compile(
    rf"(?P<a>\b{_NAME})'s\s+(?P<way>north|south|east|west|northeast|northwest|southeast|"
    r"southwest|north-east|north-west|south-east|south-west)\b|"
    r"\b(?P<way2>northern|southern|eastern|western|north-eastern|south-eastern|north-western|"
    rf"south-western|northeastern|southeastern|northwestern|southwestern)\s+(?P<b>{_NAME})"
)
_WEAPON = re.compile(
    rf"\b(?P<dem>{_DEMONYM_RX})\s+(?:attack\s+|combat\s+|military\s+|kamikaze\s+|"
    r"long-range\s+|cruise\s+|ballistic\s+)?(?P<what>drones?|missiles?|rockets?|forces|troops|"
    r"military|army|navy|warplanes?|jets?|warships?|artillery|strikes?|shelling|soldiers|"
    r"air defenses|air defences|counteroffensive|offensive)\b"
)
_TERRITORY = re.compile(
    rf"\b(?P<dem>{_DEMONYM_RX})\s+(?:territory|soil|airspace|land|"
    r"border|coast|waters)\b"
)
_POSSESSIVE_ORG = re.compile(
    r"\b(?:(?P<owner>its|their)|(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)"
    r"'s?)\s+"
    r"(?P<org>(?:[A-Z][a-z]+ ){0,3}(?:Ministry|Office|Council|"
    r"Agency|Service|Command|Committee|Parliament|Government|Army|"
    r"Navy|Forces|Police|Court|Embassy|Cabinet))\b"
)
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b(?!')")
_DEFINITE = re.compile(
    r"\b(?P<the>[Tt]he) (?P<noun>ministry|agency|council|government|"
    r"country|court|military|army|company|group|network|alliance|"
    r"organization|bloc|department|office|officials|embassy|kremlin)\b"
)
_CAPITALISED = re.compile(
    r"\b(?:[A-Z][\w'.-]*[\w.]|[A-Z])(?:\s+(?:(?:of|for|and|the|de|al|bin|van|von)\s+)?"
    r"(?:[A-Z][\w'.-]*[\w.]|[A-Z]))*"
)
ORG_WORDS = re.compile(
    r"\b(?:Ministry|Agency|Council|Committee|Army|Forces|Party|Bank|Office|"
    r"Service|Command|Police|Court|Parliament|Government|University|"
    r"Institute|Foundation|Company|Corporation|Group|Front|Brigade|"
    r"Battalion|Guard|Navy|Fund|Organization|Union|Commission|Authority|"
    r"Directorate|Department|Embassy)$"
)
MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Television|TV|Radio|Press|Herald|"
    r"Gazette|Telegraph|Tribune|Agency)\b"
)
_NOT_NAMES = frozenset(
    [
        "I",
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "You",
        "Our",
        "Who",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "But",
        "And",
        "Or",
        "So",
        "If",
        "As",
        "At",
        "In",
        "On",
        "Of",
        "For",
        "By",
        "To",
        "From",
        "With",
        "After",
        "Before",
        "During",
        "Here",
        "There",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Sept.",
        "Aug.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Jan.",
        "Feb.",
        "Reuters",
        "Source",
        "Sources",
        "Read",
        "More",
        "Related",
        "Photo",
        "Video",
        "Share",
        "Comment",
    ]
)
SECTOR_BY_TITLE = (
    (
        re.compile(
            r"Defen[cs]e|General|Gen\.|Commander|Army|Navy|Air Force|military|Col\.|"
            r"Lt\.|Adm\.|Capt\.|Maj\."
        ),
        "MIL",
    ),
    (re.compile(r"Police|police"), "COP"),
    (re.compile(r"Senator|Sen\.|Rep\.|lawmaker|Speaker|Parliament"), "LEG"),
    (re.compile(r"Judge|judge|Court|prosecutor|Prosecutor"), "JUD"),
    (
        re.compile(
            r"President|Prime|Minister|minister|Chancellor|Secretary|Ambassador|Envoy|"
            r"Mayor|Governor|spokes|King|Queen|leader|Leader|official"
        ),
        "GOV",
    ),
)


@dataclass
class Matchers:
    """The registry's surface forms compiled into one PhraseMatcher (built once per lexicon)."""

    matcher: Any
    labels: dict[int, str]
    size: tuple[int, int] = (0, 0)


def _actor_forms(actor: Actor, surnames: dict[str, list[str]]) -> list[str]:
    forms = {actor.name, *actor.aliases}
    if actor.kind == "person" and _personal(actor.name):
        last = actor.name.split()[-1]
        if len(surnames.get(last, [])) == 1:
            forms.add(last)
    out: set[str] = set()
    for form in forms:
        form = fold(form).strip()
        if not form:
            continue
        out.add(form)
        if form[0].islower():
            out.add(form[0].upper() + form[1:])  # at the start of a sentence
        for article in ("the ", "The "):
            if form.startswith(article):
                rest = form[len(article) :]
                out.add(("The " if article == "the " else "the ") + rest)
                if rest[:1].isupper() and len(rest.split()) > 1:
                    out.add(rest)
    return sorted(out)


def _personal(name: str) -> bool:
    """A personal name ("Sergei Shoigu"), not a described office ("Romanian Foreign Minister")."""
    words = name.split()
    return len(words) >= 2 and all(
        w[:1].isupper() and w not in TITLE_WORDS and w not in DEMONYMS for w in words
    )


def build_matchers(lexicon: Lexicon) -> Matchers:
    """One PhraseMatcher for every actor, place and issue surface form (labels `A:`, `P:`, `I:`)."""
    surnames: dict[str, list[str]] = {}
    for actor in lexicon.actors.values():
        if actor.kind == "person" and _personal(actor.name):
            surnames.setdefault(actor.name.split()[-1], []).append(actor.actor_id)
    patterns: dict[str, list[str]] = {}
    for actor in lexicon.actors.values():
        patterns[f"A:{actor.actor_id}"] = _actor_forms(actor, surnames)
    head_count: dict[str, int] = {}
    place_forms = {
        p.place_id: [fold(f) for f in geo.surface_forms(p)] for p in lexicon.places.values()
    }
    for forms in place_forms.values():
        for form in forms[1:]:
            head_count[form] = head_count.get(form, 0) + 1
    for pid, forms in place_forms.items():
        patterns[f"P:{pid}"] = [forms[0], *(f for f in forms[1:] if head_count[f] == 1)]
    for iid, name in lexicon.issues.items():
        patterns[f"I:{iid}"] = [fold(name)] if name else []
    matcher = nlp_.phrase_matcher(patterns)
    vocab = nlp_.pipeline().vocab
    labels = {vocab.strings[label]: label for label in patterns}
    return Matchers(matcher, labels, (len(lexicon.actors), len(lexicon.places)))


@dataclass
class Context:
    """One document being read: its text, folded text, sentences and the lexicon."""

    text: str
    folded: str
    sentences: Sequence[Sentence]
    lexicon: Lexicon
    published_country: str = ""
    proposals: list[str] = field(default_factory=list)  # ids proposed by this document
    parse: Parse | None = None  # tokens, entities and arcs by text offset

    def sentence_of(self, offset: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1


def _prev_word(folded: str, start: int, sentence_start: int) -> str:
    m = _PREV_WORD.search(folded, max(sentence_start, start - 40), start)
    return m.group(1).lower() if m else ""


def find(ctx: Context, docs: Sequence[tuple[int, Any]], matchers: Matchers) -> list[Mention]:
    """Every mention in the readable sentences, sorted by offset."""
    raw: list[tuple[int, int, list[str]]] = []
    for block_start, doc in docs:
        spans: dict[tuple[int, int], list[str]] = {}
        for match_id, s, e in matchers.matcher(doc):
            span = doc[s:e]
            key = (block_start + span.start_char, block_start + span.end_char)
            spans.setdefault(key, []).append(matchers.labels[match_id])
        # longest first, then leftmost; a shorter span inside a longer one is dropped
        taken: list[tuple[int, int]] = []
        for (s, e), labels in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            raw.append((s, e, labels))
    raw.sort()
    mentions: list[Mention] = []
    for s, e, labels in raw:
        index = ctx.sentence_of(s)
        if index < 0:
            continue
        mentions.extend(_classify(ctx, s, e, labels, index))
    mentions = _rules(ctx, mentions)
    mentions = _roles(ctx, mentions)
    mentions = _proposals(ctx, mentions)
    mentions = _anaphora(ctx, mentions)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _classify(ctx: Context, s: int, e: int, labels: list[str], index: int) -> list[Mention]:
    """A matched span as an actor, a place or an issue: a country after "in" is a place."""
    actors = [lab[2:] for lab in labels if lab.startswith("A:")]
    places = [lab[2:] for lab in labels if lab.startswith("P:")]
    if any(lab.startswith("I:") for lab in labels):
        return [Mention(s, e, "issue", (labels[0][2:],), index, 0.9, via="registry")]
    sentence = ctx.sentences[index]
    prev = _prev_word(ctx.folded, s, sentence.start)
    surface = ctx.folded[s:e]
    named = any(ch.isupper() for ch in surface.removeprefix("The ").removeprefix("the "))
    if (
        places
        and not actors
        and prev == "to"
        and _capital_of(ctx, places[0])
        and _TRANSFER.search(ctx.folded, max(sentence.start, s - 80), s)
    ):
        # "providing munitions to Moscow": the capital stands for its state
        return [Mention(s, e, "actor", (_capital_of(ctx, places[0]),), index, 0.6, via="capital")]
    if places and (not actors or prev in LOCATIVE or prev in RELATIONAL):
        role = "relational" if prev in RELATIONAL else "locative" if prev in LOCATIVE else ""
        return [Mention(s, e, "place", (places[0],), index, 0.9, role=role, via="registry")]
    if actors:
        if prev in LOCATIVE | RELATIONAL:
            state_places = [
                geo.country_place(ctx.lexicon, ctx.lexicon.actors[a].country_iso3)
                for a in actors
                if ctx.lexicon.actors[a].kind == "state"
            ]
            if state_places and state_places[0] is not None:
                role = "relational" if prev in RELATIONAL else "locative"
                return [
                    Mention(
                        s,
                        e,
                        "place",
                        (state_places[0].place_id,),
                        index,
                        0.8,
                        role=role,
                        via="registry",
                    )
                ]
        # an ambiguous short form ("Kim") goes to the actor named in full earlier, if any
        actor = actors[0]
        confidence = 0.9 if len(actors) == 1 else 0.5
        unnamed = ctx.lexicon.actors[actor].kind == "unnamed"
        return [
            Mention(
                s,
                e,
                "actor",
                (actor,),
                index,
                confidence,
                named=named and not unnamed,
                via="registry",
            )
        ]
    return []


_TRANSFER = re.compile(r"\b(?:provid|send|sent|suppl|deliver|sell|sold|ship|transfer|export)\w*\b")


def _capital_of(ctx: Context, place_id: str) -> str:
    """The state a capital city stands for ("Moscow" for Russia), if it is one."""
    place = ctx.lexicon.places[place_id]
    if place.kind != "city" or not place.country_iso3:
        return ""
    found = geo.capital(place.country_iso3)
    if found != place.name:
        return ""
    return ctx.lexicon.state_of(place.country_iso3) or ""


def _overlaps(mentions: Sequence[Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in mentions)


def _rules(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Titles, possessive organisations, regions, directional areas, weapons' owners."""
    lex, folded = ctx.lexicon, ctx.folded
    out = list(mentions)
    # titles: extend a person mention over the title words before it
    for i, m in enumerate(out):
        if m.kind != "actor" or lex.actors[m.id].kind != "person":
            continue
        sentence = ctx.sentences[m.sentence]
        t = _TITLE_PREFIX.search(folded, sentence.start, m.start)
        if t and t.start() < m.start and not _overlaps(out[:i] + out[i + 1 :], t.start(), m.start):
            words = list(re.finditer(r"\S+", folded[t.start() : m.start]))
            while words and _not_title(words[0].group(0)):
                words.pop(0)
            if words:
                out[i] = replace(m, start=t.start() + words[0].start(), via="title")
    for sentence_index, sentence in enumerate(ctx.sentences):
        s0, s1 = sentence.start, sentence.end
        chunk = folded[s0:s1]
        for mt in _POSSESSIVE_ORG.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if _overlaps(out, s0 + mt.start("org"), e):
                continue
            owner = mt.group("owner") or mt.group("name")
            state = _owner_state(ctx, out, owner, s, sentence_index)
            if state is None:
                continue
            org = mt.group("org")
            hit = [
                a
                for a in lex.actors.values()
                if a.parent_id == state
                and (a.name.endswith(org) or a.name.endswith(org.replace("Defense", "Defence")))
            ]
            if hit:
                out = [x for x in out if not (x.start >= s and x.end <= e)]
                out.append(
                    Mention(
                        s, e, "actor", (hit[0].actor_id,), sentence_index, 0.75, via="possessive"
                    )
                )
        for mt in _REGION.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if _overlaps(out, s0 + mt.start("name"), e):
                continue
            name = mt.group("name")
            place = geo.registry_region(lex, name)
            if place is None:
                found = geo.city(name)
                if found is None:
                    continue
                place = geo.propose_region(lex, name, found)
                ctx.proposals.append(place.place_id)
            out.append(
                Mention(
                    s,
                    e,
                    "place",
                    (place.place_id,),
                    sentence_index,
                    0.8,
                    role="locative",
                    via="region",
                )
            )
        for mt in _DIRECTIONAL.finditer(chunk):
            owner = (mt.group("a") or mt.group("b") or "").strip()
            way = geo.direction(mt.group("way") or mt.group("way2") or "")
            iso3 = _country_iso3(ctx, owner)
            if not iso3:
                continue
            s, e = s0 + mt.start(), s0 + mt.end()
            area = geo.registry_area(lex, iso3, way)
            if area is None:
                continue
            out = [x for x in out if not (x.start >= s and x.end <= e)]
            out.append(
                Mention(
                    s,
                    e,
                    "place",
                    (area.place_id,),
                    sentence_index,
                    0.7,
                    role="locative",
                    via="direction",
                )
            )
        for mt in _TERRITORY.finditer(chunk):
            s, e = s0 + mt.start(), s0 + mt.end()
            if _overlaps(out, s, e):
                continue
            territory = _territory(ctx, DEMONYMS[mt.group("dem")], sentence.block)
            if territory is not None:
                out.append(
                    Mention(
                        s,
                        e,
                        "place",
                        (territory,),
                        sentence_index,
                        0.6,
                        role="locative",
                        via="territory",
                    )
                )
        for mt in _WEAPON.finditer(chunk):
            state = lex.state_of(DEMONYMS[mt.group("dem")])
            s, e = s0 + mt.start("dem"), s0 + mt.end("dem")
            if state is None or _overlaps(out, s, e):
                continue
            out.append(Mention(s, e, "actor", (state,), sentence_index, 0.7, via="weapon"))
    return sorted(out, key=lambda m: (m.start, m.end))


def _not_title(word: str) -> bool:
    """A capitalised word before a name that is not part of the title ("The", "Russia's")."""
    return (
        word[0].isupper()
        and word not in TITLE_WORDS
        and word not in DEMONYMS
        and not any(word == d.split()[0] for d in DEMONYMS)
    )


def _territory(ctx: Context, iso3: str, block: int) -> str | None:
    """ "Romanian territory": the country's registry area the paragraph points to, else the country.

    An area is chosen when a word of its name (five letters or more) occurs in the paragraph,
    e.g. the area "Romanian bank of the Danube" in a paragraph about ports on the Danube.
    """
    lex = ctx.lexicon
    paragraph = " ".join(ctx.folded[s.start : s.end] for s in ctx.sentences if s.block == block)
    for place in lex.places.values():
        if place.kind in ("area", "district", "region") and place.country_iso3 == iso3:
            words = {w for w in re.findall(r"[A-Za-z]{5,}", place.name) if w not in DEMONYMS}
            if any(re.search(rf"\b{w}\b", paragraph) for w in words):
                return place.place_id
    country = geo.country_place(lex, iso3)
    return country.place_id if country else None


def _owner_state(
    ctx: Context, mentions: Sequence[Mention], owner: str, at: int, sentence: int
) -> str | None:
    """The state (or organisation) an owner word stands for: `Romania`, `its`."""
    lex = ctx.lexicon
    if owner in ("its", "their"):
        # the subject of this sentence ("Cuba identified ..., its Foreign Ministry said"),
        # else of the previous one
        for index in (sentence, sentence - 1):
            for m in mentions:
                if (
                    m.sentence == index
                    and m.kind == "actor"
                    and m.end <= at
                    and lex.actors[m.id].kind in ("state", "organization")
                ):
                    return m.id
        return None
    for m in mentions:
        if m.kind == "actor" and ctx.folded[m.start : m.end] == owner:
            return m.id
    iso3 = _country_iso3(ctx, owner)
    return lex.state_of(iso3) if iso3 else None


def _country_iso3(ctx: Context, name: str) -> str:
    for actor in ctx.lexicon.actors.values():
        if actor.kind == "state" and (actor.name == name or name in actor.aliases):
            return actor.country_iso3
    found = geo.country(name)
    return found.iso3 if found else ""


def _roles(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Mark modifiers ("... Ministry spokesman X"), appositives and place qualifiers."""
    folded = ctx.folded
    out = list(mentions)
    for i, m in enumerate(out):
        after = folded[m.end : m.end + 40]
        if (
            m.kind == "actor"
            and m.role == ""
            and ROLE_NOUNS.match(after)
            and ctx.lexicon.actors[m.id].kind in ("organization", "state", "igo", "media")
        ):
            # "Ukrainian Foreign Ministry spokesman Oleg Nikolenko": the ministry qualifies him
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and nxt.start - m.end < 30:
                out[i] = replace(m, role="modifier")
        app = _APPOSITIVE.match(folded, m.end) if m.kind == "actor" else None
        if app:
            for j in range(i + 1, len(out)):
                if out[j].start >= app.end():
                    break
                out[j] = replace(out[j], role="appositive")
        if m.kind == "place" and i + 1 < len(out):
            nxt = out[i + 1]
            between = folded[m.end : nxt.start]
            state = ctx.lexicon.actors.get(nxt.id) if nxt.kind == "actor" else None
            country = (
                geo.country_place(ctx.lexicon, state.country_iso3)
                if state is not None and state.kind == "state"
                else None
            )
            if between == ", " and (nxt.kind == "place" or country is not None):
                # "Vladivostok, Russia": the country only qualifies the city
                out[i + 1] = replace(nxt, role="qualifier")
            elif (
                re.fullmatch(r"\s*(?:,|,? and|,? or)\s*", between)
                and country is not None
                and m.role == "locative"
            ):
                # "in Cuba and Russia": the second is a place as the first is
                out[i + 1] = replace(nxt, kind="place", ids=(country.place_id,), role="locative")
    return out


def _proposals(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Capitalised names the registry lacks: gazetteer places, or proposed new actors."""
    lex, folded = ctx.lexicon, ctx.folded
    out = list(mentions)
    preferred = tuple(
        sorted(
            {
                lex.places[m.id].country_iso3
                for m in mentions
                if m.kind == "place" and m.id in lex.places
            }
        )
    )
    for index, sentence in enumerate(ctx.sentences):
        s0 = sentence.start
        for m in _CAPITALISED.finditer(folded, s0, sentence.end):
            s, e = m.span()
            name = m.group(0)
            while name.endswith(("'s", ".", "'")) and not name.endswith(("Jr.", "St.")):
                name = name[:-2] if name.endswith("'s") else name[:-1]
                e = s + len(name)
            words = name.split()
            while words and (
                words[0] in _NOT_NAMES or words[0] in DEMONYMS or words[0] in TITLE_WORDS
            ):
                words.pop(0)
            if not words:
                continue
            s = folded.index(words[0], s)
            name = folded[s:e]
            if not name or _overlaps(out, s, e) or name in _NOT_NAMES or len(name) < 3:
                continue
            if " " not in name and ORG_WORDS.search(name):
                continue  # "Ministry" of "its Foreign Ministry": no name of its own
            if " " not in name and s == s0:
                continue  # a capitalised first word of a sentence says nothing
            prev = _prev_word(folded, s, s0)
            found_country = geo.country(name)
            if found_country is not None:
                mention = _country_mention(ctx, found_country, s, e, index, prev)
                if mention is not None:
                    out.append(mention)
                continue
            if prev in LOCATIVE | RELATIONAL:
                city = geo.city(name, preferred)
                if city is not None:
                    place = geo.propose_city(lex, city)
                    if place.place_id in lex.proposed_place_ids:
                        ctx.proposals.append(place.place_id)
                    role = "relational" if prev in RELATIONAL else "locative"
                    out.append(
                        Mention(
                            s, e, "place", (place.place_id,), index, 0.6, role=role, via="gazetteer"
                        )
                    )
                    continue
            actor = _propose_actor(ctx, name, s, e)
            if actor is not None:
                out.append(Mention(s, e, "actor", (actor.actor_id,), index, 0.4, via="proposed"))
    return sorted(out, key=lambda m: (m.start, m.end))


def _country_mention(
    ctx: Context, found: geo.Country, s: int, e: int, index: int, prev: str
) -> Mention | None:
    lex = ctx.lexicon
    if prev in LOCATIVE | RELATIONAL:
        place = geo.propose_country(lex, found)
        if place is None:
            return None
        if place.place_id in lex.proposed_place_ids:
            ctx.proposals.append(place.place_id)
        role = "relational" if prev in RELATIONAL else "locative"
        return Mention(s, e, "place", (place.place_id,), index, 0.6, role=role, via="gazetteer")
    state = lex.state_of(found.iso3)
    if state is None:
        actor = Actor(
            geo.slug(found.name), found.name, "state", found.iso3, "GOV", "", "", "", (found.name,)
        )
        if actor.actor_id in lex.actors:
            return None
        lex.add_actor(actor)
        ctx.proposals.append(actor.actor_id)
        state = actor.actor_id
    return Mention(s, e, "actor", (state,), index, 0.6, via="gazetteer")


_AGE = re.compile(r"^,\s+\d{1,3},")
_SPEECH_AFTER = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:said|says|told|wrote|writes|added|stated|"
    r"announced|reported|warned|denied|claimed|argued|noted)\b"
)


def _propose_actor(ctx: Context, name: str, s: int, e: int) -> Actor | None:
    """A new actor for an unmatched name that has a title, an organisation word or a speech verb."""
    lex, folded = ctx.lexicon, ctx.folded
    words = name.split()
    if any(
        w[0].islower()
        for w in words
        if w not in ("of", "for", "and", "the", "de", "al", "bin", "van", "von")
    ):
        return None
    before = folded[max(0, s - 60) : s]
    title = _TITLE_PREFIX.search(before)
    title_text = title.group(0).strip() if title else ""
    after = folded[e : e + 40]
    org = ORG_WORDS.search(name)
    media = MEDIA_WORDS.search(name) and not org
    person_like = 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][a-z'-]+\.?", w) for w in words)
    if not (
        org
        or media
        or (person_like and (title_text or _AGE.match(after) or _SPEECH_AFTER.match(after)))
    ):
        return None
    kind = "organization" if org else "media" if media else "person"
    iso3 = ""
    for demonym, code in DEMONYMS.items():
        if re.search(rf"\b{re.escape(demonym)}\b", f"{title_text} {name}"):
            iso3 = code
            break
    if not iso3:
        iso3 = _country_near(ctx, s)
    if not iso3:
        return None
    sector = "JRN" if kind == "media" else "UNK"
    for rx, code in SECTOR_BY_TITLE:
        if rx.search(f"{title_text} {name}"):
            sector = code if kind != "media" else "JRN"
            break
    office = (
        " ".join(w for w in title_text.split() if w not in DEMONYMS) if kind == "person" else ""
    )
    base = geo.slug(name)
    existing = lex.actors.get(base)
    if existing is not None:
        return existing if existing.name == name else None
    parent = lex.state_of(iso3) or ""
    actor = Actor(base, name, kind, iso3, sector, office, parent, "", (name,))
    lex.add_actor(actor)
    ctx.proposals.append(actor.actor_id)
    return actor


def _country_near(ctx: Context, at: int) -> str:
    """The country of the nearest state actor or registry place named before `at`."""
    index = ctx.sentence_of(at)
    if index < 0:
        return ""
    sentence = ctx.sentences[index]
    chunk = ctx.folded[sentence.start : at]
    best = ""
    for actor in ctx.lexicon.actors.values():
        if actor.kind == "state" and actor.name in chunk:
            best = actor.country_iso3
    return best


def _anaphora(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Pronouns and definite descriptions resolved to the nearest fitting antecedent."""
    lex, folded = ctx.lexicon, ctx.folded
    out = list(mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for m in out:
        by_sentence.setdefault(m.sentence, []).append(m)
    last_person: Mention | None = None
    last_group: Mention | None = None
    recent: list[Mention] = []
    for index, sentence in enumerate(ctx.sentences):
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        found: list[Mention] = []
        candidates = [
            (m.start(), m.end(), m.group("p").lower(), "pronoun")
            for m in _PRONOUN.finditer(folded, sentence.start, sentence.end)
        ]
        candidates += [
            (m.start(), m.end(), m.group("noun").lower(), "definite")
            for m in _DEFINITE.finditer(folded, sentence.start, sentence.end)
        ]
        for s, e, word, how in sorted(candidates):
            if _overlaps(own, s, e):
                continue
            earlier = [m for m in own if m.end <= s and m.kind == "actor" and m.independent]
            target: Mention | None = None
            if how == "pronoun" and word in ("he", "she"):
                persons = [m for m in earlier if lex.actors[m.id].kind == "person"]
                target = persons[0] if persons else last_person
            elif how == "pronoun" and word == "they":
                groups = [m for m in earlier if lex.actors[m.id].kind in ("unnamed", "group")]
                target = groups[0] if groups else last_group
            elif how == "pronoun":  # it
                continue  # too often expletive ("it is possible"); not resolved
            else:
                near = list(reversed(earlier)) + list(reversed(recent))
                if word in ("country", "government"):
                    # the subject of a sentence, walking back ("Romania's Defense Ministry
                    # dismissed claims ... the country's foreign minister said")
                    near = earlier[:1] + [m for m in reversed(recent) if m.via == "subject"]
                target = _definite(lex, word, near)
                if target is not None and word in ("country", "government"):
                    target = _office_holder(ctx, target, e) or target
            if target is None:
                continue
            found.append(
                Mention(
                    s,
                    e,
                    "actor",
                    target.ids,
                    index,
                    min(target.confidence, 0.7) * (1.0 if how == "pronoun" else 0.9),
                    named=target.named,
                    via=how,
                )
            )
        own = sorted(own + found, key=lambda m: m.start)
        out.extend(found)
        persons = [
            m
            for m in own
            if m.kind == "actor" and m.independent and lex.actors[m.id].kind == "person"
        ]
        if persons:
            last_person = persons[0]
        groups = [
            m
            for m in own
            if m.kind == "actor" and m.independent and lex.actors[m.id].kind in ("unnamed", "group")
        ]
        if groups:
            last_group = groups[0]
        actors_here = [m for m in own if m.kind == "actor" and m.independent]
        recent.extend(replace(m, via="subject") if i == 0 else m for i, m in enumerate(actors_here))
        recent = recent[-12:]
    return out


_ROLE_AFTER = re.compile(
    r"'s\s+(?P<role>(?:foreign|defen[cs]e|interior|finance|prime)?\s*"
    r"(?:minister|president|leader|spokes(?:man|woman|person)))\b",
    re.IGNORECASE,
)


def _office_holder(ctx: Context, state: Mention, at: int) -> Mention | None:
    """ "the country's foreign minister": the registry's holder of that office in that state."""
    m = _ROLE_AFTER.match(ctx.folded, at)
    if m is None:
        return None
    country = ctx.lexicon.actors[state.id].country_iso3
    role = " ".join(m.group("role").lower().replace("defence", "defense").split())
    for actor in ctx.lexicon.actors.values():
        if (
            actor.kind == "person"
            and actor.country_iso3 == country
            and actor.office.lower().replace("defence", "defense") == role
        ):
            return replace(state, ids=(actor.actor_id,), named=False)
    return None


def _definite(lex: Lexicon, noun: str, candidates: Sequence[Mention]) -> Mention | None:
    """ "the ministry" -> the nearest actor whose name ends in Ministry; "the country" a state."""
    for m in candidates:  # nearest first
        actor = lex.actors[m.id]
        if noun in ("country", "government"):
            if actor.kind == "state":
                return m
            parent = lex.actors.get(actor.parent_id)
            if parent is not None and parent.kind == "state":
                return replace(m, ids=(parent.actor_id,))
        if noun == "officials" and actor.kind == "unnamed":
            return m
        last = actor.name.split()[-1].lower() if actor.name else ""
        if last == noun:
            return m
    return None
