"""Actor and place mentions: the registry's names matched and classified, then the other steps.

The core is spaCy's PhraseMatcher over every surface form the registry knows (names, aliases,
a person's surname, place names, issue names — the last only so "Black Sea Grain Initiative" is
not read as the Black Sea); registry actors and places win over every guess made later. Each
match is classified: a country after "in" (or that someone "fled", "visited") is a place; a
capital that acts ("Beijing has blocked", "Moscow's war effort") is its government
(`metonymy`). Then, in order:
- `patterns`: titles, possessive organisations, regions, weapons' owners, "the Chinese
  government", and the roles that make a name a modifier or an appositive;
- `proposals`: names the registry lacks, found by the statistical NER (PERSON, ORG, NORP, GPE)
  and proposed as draft actors or gazetteer places; non-actors (decrees, summits, weapons) are
  not proposed; `offices` reads a new person's office, country and organisation off the parse;
- `coref`: surnames, acronyms, "the ministry", and pronouns resolved inside the article.
Mentions carry how they were found in `via` (registry, title, proposed, alias, capital,
definite, pronoun, ...) and whether they stand on their own in `role`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.ingest import coref, metonymy, patterns, proposals
from analysis.ingest import nlp as nlp_
from analysis.ingest import places as geo
from analysis.ingest.context import LOCATIVE, RELATIONAL, Context, Mention, prev_word
from analysis.ingest.lexicon import DEMONYMS, Lexicon
from analysis.ingest.words import TITLE_WORDS
from analysis.model import Actor
from analysis.quotes import fold

__all__ = ["Context", "Matchers", "Mention", "build_matchers", "find"]


@dataclass
class Matchers:
    """The registry's surface forms compiled into one PhraseMatcher (built once per lexicon)."""

    matcher: Any
    labels: dict[int, str]
    size: tuple[int, int] = (0, 0)


def _actor_forms(actor: Actor, surnames: dict[str, list[str]]) -> list[str]:
    forms = {actor.name, *actor.aliases}
    if actor.kind == "person" and personal(actor.name):
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


def personal(name: str) -> bool:
    """A personal name ("Sergei Shoigu"), not a described office ("Romanian Foreign Minister")."""
    words = name.split()
    return len(words) >= 2 and all(
        w[:1].isupper() and w not in TITLE_WORDS and w not in DEMONYMS for w in words
    )


def build_matchers(lexicon: Lexicon) -> Matchers:
    """One PhraseMatcher for every actor, place and issue surface form (labels `A:`, `P:`, `I:`)."""
    surnames: dict[str, list[str]] = {}
    for actor in lexicon.actors.values():
        if actor.kind == "person" and personal(actor.name):
            surnames.setdefault(actor.name.split()[-1], []).append(actor.actor_id)
    patterns_: dict[str, list[str]] = {}
    for actor in lexicon.actors.values():
        patterns_[f"A:{actor.actor_id}"] = _actor_forms(actor, surnames)
    head_count: dict[str, int] = {}
    place_forms = {
        p.place_id: [fold(f) for f in geo.surface_forms(p)] for p in lexicon.places.values()
    }
    for forms in place_forms.values():
        for form in forms[1:]:
            head_count[form] = head_count.get(form, 0) + 1
    for pid, forms in place_forms.items():
        patterns_[f"P:{pid}"] = [forms[0], *(f for f in forms[1:] if head_count[f] == 1)]
    for iid, name in lexicon.issues.items():
        patterns_[f"I:{iid}"] = [fold(name)] if name else []
    matcher = nlp_.phrase_matcher(patterns_)
    vocab = nlp_.pipeline().vocab
    labels = {vocab.strings[label]: label for label in patterns_}
    return Matchers(matcher, labels, (len(lexicon.actors), len(lexicon.places)))


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
    mentions = patterns.apply(ctx, mentions)
    mentions = patterns.roles(ctx, mentions)
    mentions = proposals.propose(ctx, mentions)
    mentions = coref.resolve(ctx, mentions)
    return sorted(mentions, key=lambda m: (m.start, m.end))


_TRANSFER = re.compile(r"\b(?:provid|send|sent|suppl|deliver|sell|sold|ship|transfer|export)\w*\b")


def _classify(ctx: Context, s: int, e: int, labels: list[str], index: int) -> list[Mention]:
    """A matched span as an actor, a place or an issue: a country after "in" is a place."""
    actors = [lab[2:] for lab in labels if lab.startswith("A:")]
    places = [lab[2:] for lab in labels if lab.startswith("P:")]
    if any(lab.startswith("I:") for lab in labels):
        return [Mention(s, e, "issue", (labels[0][2:],), index, 0.9, via="registry")]
    sentence = ctx.sentences[index]
    prev = prev_word(ctx.folded, s, sentence.start)
    if metonymy.owns(ctx, s, e):
        prev = ""  # "according to Estonia's defence forces": the owner, not a place
    surface = ctx.folded[s:e]
    named = any(ch.isupper() for ch in surface.removeprefix("The ").removeprefix("the "))
    if places and not actors and prev not in (LOCATIVE | RELATIONAL) - {"to"}:
        # a capital standing for its state: "Moscow's war effort", "providing munitions to Moscow"
        state = _capital_state(ctx, places[0])
        if state and (
            (prev != "to" and metonymy.acts(ctx, s, e))
            or (prev == "to" and _TRANSFER.search(ctx.folded, max(sentence.start, s - 80), s))
        ):
            return [Mention(s, e, "actor", (state,), index, 0.6, via="capital")]
    if places and (not actors or prev in LOCATIVE or prev in RELATIONAL):
        role = "relational" if prev in RELATIONAL else "locative" if prev in LOCATIVE else ""
        return [Mention(s, e, "place", (places[0],), index, 0.9, role=role, via="registry")]
    if not actors:
        return []
    if prev in LOCATIVE | RELATIONAL or metonymy.destination(ctx, s, e):
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
    # an ambiguous short form ("Kim") goes to the first actor; confidence says so
    actor = actors[0]
    confidence = 0.9 if len(actors) == 1 else 0.5
    unnamed = ctx.lexicon.actors[actor].kind == "unnamed"
    return [
        Mention(
            s, e, "actor", (actor,), index, confidence, named=named and not unnamed, via="registry"
        )
    ]


def _capital_state(ctx: Context, place_id: str) -> str:
    """The state a registry capital city stands for ("Moscow" for Russia), if it is one."""
    place = ctx.lexicon.places[place_id]
    if place.kind != "city" or not place.country_iso3:
        return ""
    if geo.capital(place.country_iso3) != place.name:
        return ""
    return metonymy.state_actor(ctx, place.country_iso3)
