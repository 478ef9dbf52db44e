"""Names the registry lacks: proposed as draft actors (people, organisations, outlets, states)
or gazetteer places. The statistical NER proposes; the registry's mentions are never overridden.

- people (`people`): a PERSON entity of two to five name words ("Ursula von der Leyen"; a given
  name the NER left out is taken back: "said Beatriz" + "Moura"; two one-word entities side by
  side are one name), or a capitalised name with a title, an age, a speech verb or an office in
  apposition, or a family-name ending ("Kovalenko"), whatever the NER's label; one word only
  with an honorific or as a PERSON that speaks or acts ("Ms. Halvorsen", "Karimov wrote").
  Office, country and organisation come from the text only (`offices`), never the topic.
- organisations (`organizations`): an ORG entity or a capitalised name ending in Ministry,
  Agency, Fleet, ...; an intergovernmental body, an outlet (a media word, a known outlet
  whatever the NER's label, "state broadcaster Suspilne") or an organisation, with the country
  its name, "of X" or "X's" gives; a bracketed acronym is its alias, also after a description
  ("Russia's military intelligence service (GRU)"); "the Wagner mercenary group" is one body
  with the alias "Wagner"; "Black Sea Fleet" is a fleet, not the sea.
- not actors: names whose head is a document, an event, a weapon, a ship or a place word ("the
  Russian Presidential Decree", "the Iron Dome system", "a tanker, the Nordic Star"), see
  `words.NON_ACTOR_HEADS`; the dateline's city and outlet ("OSLO (Northgate Wire) -").
- capitals that act are their state and seats ("the Kremlin said") the office they house, an
  organisation of the state (`metonymy`); a country or city after a preposition is a place.
- a headline proposes nothing (its words are often all capitalised); its names resolve to the
  people and organisations the body names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from analysis.ingest import coref, metonymy, offices, patterns, people
from analysis.ingest import organizations as orgs
from analysis.ingest import places as geo
from analysis.ingest.context import LOCATIVE, RELATIONAL, Context, Mention, prev_word
from analysis.ingest.lexicon import DEMONYMS
from analysis.ingest.words import (
    COUNTRY_SHORT,
    HONORIFICS,
    IGO_WORDS,
    MEDIA_NAMES,
    NON_ACTOR_HEADS,
    NOT_NAMES,
    SEATS,
    TITLE_WORDS,
)
from analysis.model import Actor

log = logging.getLogger(__name__)

_CAPITALISED = re.compile(
    r"\b(?:[A-Z][\w'.-]*[\w.]|[A-Z])(?:\s+(?:(?:of|for|and|the|de|al|bin|van|von)\s+)?"
    r"(?:[A-Z][\w'.-]*[\w.]|[A-Z]))*"
)
_AGE = re.compile(r"^,\s+\d{1,3},")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|wrote|added|asked)\s+$")
_SPEECH_AFTER = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:said|says|told|wrote|writes|added|stated|"
    r"announced|reported|warned|denied|claimed|argued|noted)\b"
)
_PARTICLES = (
    *("of", "for", "and", "the", "on", "in"),
    *("de", "al", "bin", "van", "von", "der", "den", "la", "le", "da", "di", "du", "dos", "das"),
)
_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


def propose(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Mentions for the capitalised names the registry lacks, proposing actors and places."""
    out = list(mentions)
    blocked: list[tuple[int, int]] = []
    deferred: list[tuple[int, int, int, str]] = []
    orgs.bracketed(ctx, out)
    out = orgs.described(ctx, out)
    preferred = tuple(
        sorted(
            {
                ctx.lexicon.places[m.id].country_iso3
                for m in out
                if m.kind == "place" and m.id in ctx.lexicon.places
            }
        )
    )
    bodies = {m.start("name"): m for m in orgs.BODY.finditer(ctx.folded)}
    taken = _Cover(len(ctx.folded), out)  # offsets under a mention: overlap tests stay linear
    for s, e, label in _candidates(ctx):
        if label == "BODY":
            out = orgs.body(ctx, bodies[s], out)
            taken.add(out[-1:])
            continue
        index = ctx.sentence_of(s)
        whole = e
        placed = _place_named(ctx, out, s, e, label)  # "Black Sea Fleet": no place but a fleet
        if placed:
            out = [m for m in out if m not in placed]
        elif label and taken.hits(s, e):
            s, e = _before_known(ctx, taken, s, e)  # "Foreign Ministry" of Ukraine
        if index < 0 or e <= s or (taken.hits(s, e) and not placed):
            continue
        if any(a < e and s < b for a, b in blocked):
            continue
        if orgs.DATELINE_BEFORE.search(ctx.folded, max(0, s - 40), s):
            blocked.append((s, e))  # "OSLO (Northgate Wire) -": the publisher, not an actor
            continue
        mention = _mention(ctx, s, e, label, index, preferred, out)
        if mention is None:
            if label and _head_word(ctx.folded[s:e]) in NON_ACTOR_HEADS:
                blocked.append((s, e))
            elif " " not in ctx.folded[s:e] or ctx.sentences[index].kind == "headline":
                deferred.append((s, e, index, label))
            continue
        if whole > e and mention.via == "proposed" and _qualified(ctx, out, mention, whole):
            out = [replace(m, role="qualifier") if e <= m.start < whole else m for m in out]
        n = len(out)
        out.append(mention)
        if mention.kind == "actor":
            orgs.bracketed(ctx, out, mention)
        taken.add(out[n:])
    offices.redescribe(ctx, out)
    for s, e, index, label in deferred:  # a name before the full name (a headline's "Medvedev")
        alias = ctx.aliases.get(ctx.folded[s:e])
        if ctx.folded[s:e] not in ctx.aliases and not taken.hits(s, e):
            lone = people.lone_person(ctx, s, e, index, label)
            if lone is not None:
                out.append(lone)
                taken.add(out[-1:])
                continue
        words = [(s, e)] if alias else [w.span() for w in re.finditer(r"[\w.-]+", ctx.folded[s:e])]
        for a, b in words:
            a, b = a if alias else s + a, b if alias else s + b
            found = alias or ctx.aliases.get(ctx.folded[a:b])
            if found and not taken.hits(a, b):
                out.append(Mention(a, b, "actor", (found,), index, 0.6, via="alias"))
                taken.add(out[-1:])
    return offices.qualifiers(ctx, sorted(out, key=lambda m: (m.start, m.end)))


_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\(|[\u2014\u2013-])")


class _Cover:
    """Which offsets of the text some mention covers."""

    def __init__(self, size: int, mentions: Sequence[Mention]) -> None:
        self.cells = bytearray(size + 1)
        self.add(mentions)

    def mark(self, s: int, e: int) -> None:
        self.cells[s:e] = b"\x01" * (e - s)

    def add(self, mentions: Sequence[Mention]) -> None:
        for m in mentions:
            self.mark(m.start, m.end)

    def hits(self, s: int, e: int) -> bool:
        return any(self.cells[s:e])

    def first_inside(self, s: int, e: int) -> int | None:
        """Where the first covered run strictly inside (s, e) starts, if it also ends by `e`."""
        start = self.cells.find(1, s + 1, e)
        if start < 0:
            return None
        end = self.cells.find(0, start)
        return start if 0 <= end <= e else None


def _place_named(ctx: Context, out: Sequence[Mention], s: int, e: int, label: str) -> list[Mention]:
    """The place mentions inside an organisation's name ("Black Sea" of "Russia's Black Sea
    Fleet", "Kharkiv" of "Kharkiv City Council"), which the organisation replaces."""
    if label != "ORG" or not orgs.ORG_WORDS.search(ctx.folded[s:e].split(" (")[0].rstrip(".,")):
        return []
    inside = [m for m in out if m.start < e and s < m.end]
    if not inside or any(m.kind != "place" or m.start < s or m.end > e for m in inside):
        return []
    return inside if inside[-1].end < e else []


def _before_known(ctx: Context, taken: _Cover, s: int, e: int) -> tuple[int, int]:
    """The part of an entity before the first known mention inside it, without a dangling "of".

    Read off the cover of known mentions (constant work per entity, not a scan of them all)."""
    inner = taken.first_inside(s, e)
    if inner is None or taken.cells[s]:
        return s, s
    head = re.sub(r"(?:\s+(?:of|for|and|the|in|on))*\s*$", "", ctx.folded[s:inner])
    return s, s + len(head)


def _qualified(ctx: Context, out: Sequence[Mention], mention: Mention, whole: int) -> bool:
    """ "Foreign Ministry of Ukraine": the proposed actor takes the whole name; Ukraine qualifies
    it."""
    lex = ctx.lexicon
    actor = lex.actors[mention.id]
    if actor.kind == "person" or mention.id not in ctx.proposals:
        return False
    full = ctx.folded[mention.start : whole]
    if not re.fullmatch(r"[^,;:()]+ (?:of|for) (?:the )?[A-Z][^,;:()]*", full):
        return False
    lex.actors[mention.id] = replace(actor, name=full, aliases=(full, actor.name))
    return True


def _candidates(ctx: Context) -> list[tuple[int, int, str]]:
    """NER spans (label) first, then capitalised runs (label "") as a fallback, in text order."""
    found: list[tuple[int, int, str]] = []
    if ctx.parse is not None:
        for s, e, label in ctx.parse.entities():
            if label in _LABELS:
                s, e = _trim(ctx.folded, s, e, strip_titles=label == "PERSON")
                words = ctx.folded[s:e].split()
                more = re.match(r"\s+[A-Z][\w'-]*", ctx.folded[e : e + 40])
                if label == "PERSON" and words and words[-1] in _PARTICLES and more:
                    e += more.end()  # "Ursula von der" + "Leyen"
                elif label == "ORG" and words and words[-1] in ("of", "for") and more:
                    country = more.group(0).strip()
                    if orgs.country_iso3(country):
                        e += more.end()  # "Ministry of Foreign Affairs of" + "Ukraine"
                first = people.FIRST_NAME.search(ctx.folded, max(0, s - 30), s)
                if label == "PERSON" and len(words) == 1 and first and people.given(first.group(1)):
                    s = first.start(1)  # "said Beatriz" + "Moura": the NER took the surname only
                if e > s:
                    found.append((s, e, label))
    ner = _joined(ctx.folded, sorted(found))
    named = _Cover(len(ctx.folded), [])
    for s, e, _ in ner:
        named.mark(s, e)
    runs: list[tuple[int, int, str]] = []
    for sentence in ctx.sentences:
        for m in _CAPITALISED.finditer(ctx.folded, sentence.start, sentence.end):
            s, e = _trim(ctx.folded, *m.span(), strip_titles=True)
            if e > s and not named.hits(s, e):
                runs.append((s, e, ""))
    bodies = [(m.start("name"), m.end("name"), "BODY") for m in orgs.BODY.finditer(ctx.folded)]
    return sorted(bodies + ner + runs, key=lambda c: (c[0], c[2] != "BODY", c[2] == ""))


def _joined(folded: str, ner: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """ "Aleksandr" GPE + "Mironov" GPE: two one-word entities side by side, neither a country
    nor a demonym, are one person's name the NER split."""
    out: list[tuple[int, int, str]] = []
    for s, e, label in ner:
        if out:
            a, b, prev = out[-1]
            words = (folded[a:b], folded[s:e])
            if (
                s == b + 1
                and folded[b] == " "
                and prev == label
                and label in ("GPE", "ORG", "NORP")
                and all(people.NAME_WORD.fullmatch(w) and " " not in w for w in words)
                and not any(w in DEMONYMS or geo.country(w) or w in NOT_NAMES for w in words)
            ):
                out[-1] = (a, e, "PERSON")
                continue
        out.append((s, e, label))
    return out


def _trim(folded: str, s: int, e: int, *, strip_titles: bool) -> tuple[int, int]:
    """A name without its article, possessive ending, and leading function or title words.

    Title words and demonyms are stripped from a person's name ("President Biden"), not from an
    organisation's ("National Security Council", "Russian Foreign Ministry").
    """
    name = folded[s:e].split(" (", 1)[0]  # "... Development (EBRD": the acronym is an alias
    while name.endswith(("'s", ".", "'", ",")) and not name.endswith(
        ("Jr.", "St.", "U.S.", "U.N.")
    ):
        name = name[:-2] if name.endswith("'s") else name[:-1]
    e = s + len(name)
    words = name.split()
    strip_titles = strip_titles and not orgs.ORG_WORDS.search(name) and not IGO_WORDS.match(name)
    while words and (
        words[0] in NOT_NAMES
        or words[0].lower() == "the"
        or words[0] in HONORIFICS
        or (strip_titles and (words[0] in TITLE_WORDS or words[0] in DEMONYMS))
    ):
        words.pop(0)
    if not words:
        return s, s
    s = folded.index(words[0], s)
    return s, e


def _head_word(name: str) -> str:
    """The head noun of a name: "Institute for the Study of War" -> "institute"."""
    words = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def _mention(
    ctx: Context,
    s: int,
    e: int,
    label: str,
    index: int,
    preferred: tuple[str, ...],
    out: list[Mention],
) -> Mention | None:
    folded, lex = ctx.folded, ctx.lexicon
    name = folded[s:e]
    if name in NOT_NAMES or len(name) < 2:
        return None
    short = len(name) <= 8 and name.replace(".", "").isupper()  # an acronym: seen actors count
    seen = [m.id for m in out if m.kind == "actor" and m.start < s] if short else []
    alias = coref.alias_of(ctx, name, seen)
    if alias:
        return Mention(s, e, "actor", (alias,), index, 0.7, via="alias")
    if _head_word(name) in NON_ACTOR_HEADS or _names_a_thing(ctx, s, e):
        return None
    sentence = ctx.sentences[index]
    prev = prev_word(folded, s, sentence.start)
    if name in SEATS:
        if prev in LOCATIVE | RELATIONAL:
            return None
        seat = metonymy.seat_actor(ctx, name)
        return Mention(s, e, "actor", (seat,), index, 0.7, via="capital") if seat else None
    if name in MEDIA_NAMES and sentence.kind != "headline":  # "Bloomberg" whatever the NER says
        outlet = orgs.organization(ctx, name, e, media=True)
        return (
            Mention(s, e, "actor", (outlet.actor_id,), index, 0.6, via="proposed")
            if outlet
            else None
        )
    if " " not in name and s == sentence.start and not label:
        return None  # a capitalised first word of a sentence says nothing
    if name.isupper() and _DATELINE_AFTER.match(folded, e):
        return None  # "OSLO (Continental Wire) -": the dateline's city
    if " " not in name and orgs.ORG_WORDS.search(name):
        return None  # "Ministry" of "its Foreign Ministry": no name of its own
    found_country = geo.country(name)
    if found_country is not None:
        return metonymy.country_mention(ctx, found_country, s, e, index, prev)
    if name in COUNTRY_SHORT:  # "Britain", "the U.S.": a short name the gazetteer lacks
        return metonymy.short_country(ctx, COUNTRY_SHORT[name], s, e, index, prev)
    iso3 = metonymy.capital_iso3(name) if label != "NORP" else ""
    if iso3 and prev not in LOCATIVE | RELATIONAL and metonymy.acts(ctx, s, e):
        state = metonymy.state_actor(ctx, iso3)
        return Mention(s, e, "actor", (state,), index, 0.6, via="capital") if state else None
    if prev in LOCATIVE | RELATIONAL and label in ("GPE", "FAC", ""):
        city = geo.city(name, preferred)
        if city is not None:
            place = geo.propose_city(lex, city)
            if place.place_id in lex.proposed_place_ids:
                ctx.proposals.append(place.place_id)
            role = "relational" if prev in RELATIONAL else "locative"
            return Mention(s, e, "place", (place.place_id,), index, 0.6, role=role, via="gazetteer")
    if label in ("GPE", "FAC") or sentence.kind == "headline":
        return None  # a headline's words are often all capitalised: names resolve, none proposed
    token = ctx.head(s, e)
    if label in ("ORG", "PERSON", "") and token is not None:
        named = orgs.named_body(ctx, s, e, index, token)
        if named is not None:  # "the Wagner mercenary group", "the Azov regiment"
            return named
    plural = token is not None and token.tag_ == "NNPS"
    if label == "NORP" or (label == "PERSON" and plural and " " not in name):
        group = _group(ctx, s, e, index)
        if group is not None or label == "PERSON":
            return group
    actor = _propose_actor(ctx, name, s, e, label)
    if actor is None:
        return None
    return Mention(s, e, "actor", (actor.actor_id,), index, 0.6, via="proposed")


def _names_a_thing(ctx: Context, s: int, e: int) -> bool:
    """ "the Iron Dome system", "Patriot missiles": a name that modifies a non-actor noun;
    "another cargo ship, the Ayla K,": a name in apposition to one."""
    token = ctx.head(s, e)
    if token is None:
        return False
    if token.dep_ == "appos" and token.head.lemma_.lower() in NON_ACTOR_HEADS:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in NON_ACTOR_HEADS for c in token.children):
        return True
    return (
        token.dep_ in ("compound", "nmod", "amod")
        and token.head.i > token.i
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.lemma_.lower() in NON_ACTOR_HEADS
    )


def _group(ctx: Context, s: int, e: int, index: int) -> Mention | None:
    """A named group that acts ("the Houthis said"); a demonym ("Russians") is not one."""
    name = ctx.folded[s:e]
    if name in DEMONYMS or name.removesuffix("s") in DEMONYMS or not metonymy.acts(ctx, s, e):
        return None
    if " " in name or name.removesuffix("n") in DEMONYMS or name.removesuffix("ns") in DEMONYMS:
        return None
    actor = orgs.add(ctx, Actor(geo.slug(name), name, "group", "", "UNK", "", "", "", (name,)))
    return Mention(s, e, "actor", (actor.actor_id,), index, 0.5, via="proposed") if actor else None


def _propose_actor(ctx: Context, name: str, s: int, e: int, label: str) -> Actor | None:
    """A new person, organisation or outlet for an unmatched name, or None if it is none."""
    folded = ctx.folded
    words = name.split()
    if any(
        w[0].islower() and not people.NAME_WORD.fullmatch(w) for w in words if w not in _PARTICLES
    ):
        return None
    after = folded[e : e + 40]
    org = bool(orgs.ORG_WORDS.search(name)) or bool(IGO_WORDS.match(name))
    media = name in MEDIA_NAMES or (
        bool(orgs.MEDIA_WORDS.search(name)) and (not org or bool(orgs.NEWS_WORDS.search(name)))
    )
    media = media or bool(
        orgs.OUTLET_BEFORE.search(folded, max(0, s - 40), s) or orgs.OUTLET_AFTER.match(after)
    )
    person_like = 2 <= len(words) <= 5 and all(people.NAME_WORD.fullmatch(w) for w in words)
    if label == "PERSON" and person_like and not org and not media:
        return people.person(ctx, name, s, e)
    surname = people.surname_like(words[-1]) and (len(words) == 1 or person_like)
    surname = surname and geo.city(name) is None  # "Berlin" ends like "Lenin"
    if label == "ORG" and not org and not media and surname:
        return people.person(ctx, name, s, e)  # "Kovalenko wrote" (ORG): a surname, no body
    title = patterns.TITLE_PREFIX.search(folded, max(0, s - 60), s)
    if label != "PERSON" and person_like and not org and not media:
        # a name the NER missed or called an organisation ("Matilda Bogner" ORG): a person if
        # a title or an office in apposition says so ("Human Rights Watch said" stays an org)
        speaks = bool(
            _AGE.match(after)
            or _SPEECH_AFTER.match(after)
            or _SPEECH_BEFORE.search(folded, max(0, s - 20), s)
        )
        if label == "ORG":  # "Fatoumata Diallo said" (ORG): a person when the name speaks
            speaks = speaks and len(words) in (2, 3) and not words[0].isupper()
        if title or speaks or offices.describe(ctx, s, e).office:
            return people.person(ctx, name, s, e)
        if label != "ORG":
            return None
    if label == "ORG" or org or media:
        if not (org or media or len(words) > 1 or metonymy.acts(ctx, s, e)):
            return None  # a lone unknown word the NER calls an organisation: too weak
        return orgs.organization(ctx, name, e, media=media)
    return None
