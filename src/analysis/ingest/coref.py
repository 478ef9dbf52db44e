"""Coreference inside one article: alias chains, "the ministry", and pronouns resolved to people.

- aliases: a person's surname after the full name ("Dmitry Medvedev ... said Medvedev"), an
  acronym given in brackets ("International Criminal Court (ICC)") or an organisation's
  initials ("the IAEA" after "the International Atomic Energy Agency") point back to that actor;
  two actors of one surname make the surname ambiguous and it resolves to neither;
- definite descriptions: "the ministry", "the UN agency" -> the last named actor whose name
  ends in that noun; "the country's foreign minister" -> the registry's holder of that office;
- pronouns: "he" / "she" -> the nearest person named before it that fits: the sentence's own
  people first, then earlier sentences (subjects first), back to `WINDOW` sentences; a person
  whose gender the text gives (an honorific, a gendered noun such as "spokeswoman", or an
  earlier pronoun bound to them) fits only pronouns of that gender; "she" goes to a woman, or
  a person whose given name ends in -a ("Olena"), of the last four sentences before a person of
  unknown gender; people named inside a quotation are never antecedents ("Serov's men ...,"
  she said). No fit, no resolution.
  "they" -> the last group or unnamed officials; "it" is left alone (too often expletive).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from analysis.ingest.context import Context, Mention, overlaps
from analysis.ingest.segment import Sentence
from analysis.ingest.words import GENDERED

#: How many sentences back a pronoun may reach for its person.
WINDOW = 8
_PRONOUN = re.compile(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b(?!')")
_GENDER_OF = {"he": "m", "she": "f"}
_DEFINITE = re.compile(
    r"\b(?P<the>[Tt]he) (?:(?P<mod>U\.N\.|UN|EU|[a-z]+) )?(?P<noun>ministry|agency|council|"
    r"government|country|court|military|army|company|group|network|alliance|organization|"
    r"organisation|bloc|department|office|officials|embassy|commission|committee|fund|bank|"
    r"union|mission|tribunal|centre|center|institute|service|inquiry|operator|authority)\b"
)
_MINOR = frozenset(("of", "for", "and", "the", "on", "in", "de", "al"))


# --- aliases ---------------------------------------------------------------------------------


def add_alias(ctx: Context, alias: str, actor_id: str) -> None:
    """Record that `alias` names `actor_id` in this article (and on a proposed actor's record)."""
    known = ctx.aliases.get(alias)
    if known is not None and known != actor_id:
        ctx.aliases[alias] = ""  # two actors share it: resolve to neither
        return
    ctx.aliases[alias] = actor_id
    lex = ctx.lexicon
    actor = lex.actors.get(actor_id)
    if actor is not None and actor_id in lex.proposed_actor_ids and alias not in actor.aliases:
        lex.actors[actor_id] = replace(actor, aliases=(*actor.aliases, alias))


@cache
def initials(name: str) -> str:
    """ "International Atomic Energy Agency" -> "IAEA"."""
    return "".join(
        w[0] for w in name.replace("-", " ").split() if w not in _MINOR and w[0].isupper()
    )


def alias_of(ctx: Context, name: str, seen: Sequence[str]) -> str:
    """The actor a short form names here: a recorded alias, or the initials of an actor seen."""
    found = ctx.aliases.get(name)
    if found is not None:
        return found
    bare = name.replace(".", "")
    if not (2 <= len(bare) <= 6 and bare.isupper()):
        return ""
    lex = ctx.lexicon
    for pool in (set(seen), list(lex.actors)):  # the article's own actors first, then all
        hits = {
            a
            for a in pool
            if a in lex.actors
            and lex.actors[a].kind in ("organization", "igo", "media")
            and initials(lex.actors[a].name) == bare
        }
        if len(hits) == 1:
            return hits.pop()
    return ""


# --- gender ----------------------------------------------------------------------------------

_BEFORE = re.compile(r"(?P<w>[A-Za-z.]+)\s+(?:[A-Z][\w.-]*\s+){0,3}$")
_APPOSITION = re.compile(r",\s+(?:a|an|the|his|her)\s+(?P<words>[^,.;:]{1,90}),")


def gender_cue(ctx: Context, m: Mention) -> str:
    """ "m" or "f" when the words around a person's name give it (Mr., spokeswoman), else ""."""
    sentence = ctx.sentences[m.sentence]
    before = ctx.folded[max(sentence.start, m.start - 60) : m.start]
    words = re.findall(r"[A-Za-z.-]+", before)[-4:]
    app = _APPOSITION.match(ctx.folded, m.end, sentence.end)
    if app:
        words += app.group("words").split()
    for word in reversed(words):
        g = GENDERED.get(word.lower())
        if g:
            return g
    return ""


# --- resolution ------------------------------------------------------------------------------


def resolve(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """Pronouns and definite descriptions resolved to the nearest fitting antecedent."""
    lex, folded = ctx.lexicon, ctx.folded
    out = list(mentions)
    by_sentence: dict[int, list[Mention]] = {}
    for m in out:
        by_sentence.setdefault(m.sentence, []).append(m)
    people: list[list[Mention]] = []  # per sentence: its people, subjects first
    bodies: list[list[Mention]] = []  # per sentence: its organisations and states
    last_group: Mention | None = None
    recent: list[Mention] = []
    quoted = _quotations(ctx)
    for index, sentence in enumerate(ctx.sentences):
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        for m in own:
            if m.kind == "actor" and _is_person(ctx, m) and m.id not in ctx.genders:
                g = gender_cue(ctx, m)
                if g:
                    ctx.genders[m.id] = g
                    ctx.cued.add(m.id)
        _possessive_gender(ctx, own, people[-1:], quoted, sentence)
        found: list[Mention] = []
        candidates = [
            (m.start(), m.end(), m.group("p").lower(), "pronoun", "")
            for m in _PRONOUN.finditer(folded, sentence.start, sentence.end)
        ]
        candidates += [
            (m.start(), m.end(), m.group("noun").lower(), "definite", m.group("mod") or "")
            for m in _DEFINITE.finditer(folded, sentence.start, sentence.end)
        ]
        listed = {c[0] for c in candidates}
        candidates += [c for c in _definite_nouns(ctx, sentence) if c[0] not in listed]
        for s, e, word, how, mod in sorted(candidates):
            if how == "pronoun" and any(a < s < b for a, b in quoted):
                continue  # inside a quotation the speaker's "he" is not the narrator's
            if overlaps(own, e - len(word), e) or overlaps(found, s, e):
                continue  # a name's own word; a modifier's name ("the UN agency") may overlap
            if overlaps(own, s, e):
                own = [replace(m, role="modifier") if s <= m.start < e else m for m in own]
                out = [replace(m, role="modifier") if s <= m.start < e else m for m in out]
            earlier = [
                m
                for m in own
                if m.end <= s
                and m.kind == "actor"
                and m.independent
                and not any(a < m.start < b for a, b in quoted)  # "Serov's men ...," she said
            ]
            target: Mention | None = None
            if how == "pronoun" and word in _GENDER_OF:
                here = _ranked(ctx, [m for m in earlier if _is_person(ctx, m)])
                target = _fitting(ctx, [here, *reversed(people[-WINDOW:])], _GENDER_OF[word])
            elif how == "pronoun" and word == "they":
                groups = [m for m in earlier if lex.actors[m.id].kind in ("unnamed", "group")]
                target = groups[0] if groups else last_group
            elif how == "pronoun":  # it: only the subject of a speech verb ("..., it said")
                if not _speaks(ctx, s, e):
                    continue  # too often expletive ("it is possible"); not resolved
                here = _ranked(ctx, [m for m in earlier if _is_body(ctx, m)])
                target = next((g[0] for g in [here, *reversed(bodies[-WINDOW:])] if g), None)
            else:
                near = list(reversed(earlier)) + list(reversed(recent))
                if word in ("country", "government"):
                    # the subject of a sentence, walking back ("Romania's Defense Ministry
                    # dismissed claims ... the country's foreign minister said")
                    near = earlier[:1] + [m for m in reversed(recent) if m.via == "subject"]
                target = _definite(ctx, word, mod, near)
                if target is not None and word in ("country", "government"):
                    target = _office_holder(ctx, target, e) or target
            if target is None:
                continue
            pronoun = how == "pronoun"
            found.append(
                Mention(
                    s,
                    e,
                    "actor",
                    target.ids,
                    index,
                    round(min(target.confidence, 0.7) * (0.8 if pronoun else 0.9), 2),
                    named=target.named,
                    via=how,
                )
            )
        own = sorted(own + found, key=lambda m: m.start)
        out.extend(found)
        actors_here = [
            m
            for m in own
            if m.kind == "actor" and m.independent and not any(a < m.start < b for a, b in quoted)
        ]
        people.append(_ranked(ctx, [m for m in actors_here if _is_person(ctx, m)]))
        bodies.append(_ranked(ctx, [m for m in actors_here if _is_body(ctx, m)]))
        groups = [m for m in actors_here if lex.actors[m.id].kind in ("unnamed", "group")]
        if groups:
            last_group = groups[0]
        recent.extend(replace(m, via="subject") if i == 0 else m for i, m in enumerate(actors_here))
        recent = recent[-30:]
    return out


_OWN = re.compile(r"\b(?P<p>his|her|himself|herself)\b", re.IGNORECASE)
_OWN_GENDER = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def _possessive_gender(
    ctx: Context,
    own: Sequence[Mention],
    before: Sequence[list[Mention]],
    quoted: Sequence[tuple[int, int]],
    sentence: Sentence,
) -> None:
    """ "Medvedev wrote on his Telegram channel": "his" or "herself" after the only person of
    the sentence and the one before gives that person's gender."""
    earlier = {m.id for group in before for m in group if _is_person(ctx, m)}
    for hit in _OWN.finditer(ctx.folded, sentence.start, sentence.end):
        if any(a < hit.start() < b for a, b in quoted):
            continue
        people = earlier | {
            m.id
            for m in own
            if m.end <= hit.start()
            and m.kind == "actor"
            and _is_person(ctx, m)
            and not any(a < m.start < b for a, b in quoted)
        }
        if len(people) == 1:
            ctx.genders.setdefault(people.pop(), _OWN_GENDER[hit.group("p").lower()])
        return  # the first one only: a later one may be someone else's


def _definite_nouns(ctx: Context, sentence: Sentence) -> list[tuple[int, int, str, str, str]]:
    """ "the command", "the grid operator", "The Ministry": a definite noun the word list
    lacks, from the parse; resolved only if an actor named before has it as its head noun."""
    span = ctx.parse.span(sentence.start, sentence.end) if ctx.parse is not None else None
    out: list[tuple[int, int, str, str, str]] = []
    for det in span or ():
        head = det.head
        if det.lower_ != "the" or det.dep_ != "det" or head.i <= det.i or head.i - det.i > 2:
            continue
        if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
            continue
        if head.pos_ == "PROPN" and (head.i - det.i > 1 or head.dep_ == "compound"):
            continue  # "The Ministry" alone, never "the Russian Federation"
        if any(c.dep_ in ("compound", "prep") and c.i > head.i for c in head.children):
            continue
        mod = head.doc[head.i - 1].text if head.i - det.i == 2 else ""
        start = ctx.parse.offset(det) if ctx.parse is not None else 0
        end = start + head.idx + len(head.text) - det.idx
        out.append((start, end, head.lower_, "definite", mod))
    return out


def _quotations(ctx: Context) -> list[tuple[int, int]]:
    """The spans between double quotation marks, paragraph by paragraph (quotes may run on)."""
    paragraphs: dict[int, tuple[int, int]] = {}
    for sentence in ctx.sentences:
        a, b = paragraphs.get(sentence.block, (sentence.start, sentence.end))
        paragraphs[sentence.block] = (min(a, sentence.start), max(b, sentence.end))
    return [
        (a + q.start(), a + q.end())
        for a, b in paragraphs.values()
        for q in re.finditer(r'"[^"]*(?:"|$)', ctx.folded[a:b])
    ]


_SPEECH = frozenset(
    {"say", "add", "tell", "state", "announce", "warn", "write", "report", "claim", "deny"}
    | {"insist", "note", "argue", "accuse", "urge", "confirm", "reiterate", "stress"}
)


def _speaks(ctx: Context, s: int, e: int) -> bool:
    """Whether a pronoun is the subject of a verb of speech ("..., it said")."""
    token = ctx.head(s, e)
    return token is not None and token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH


def _is_body(ctx: Context, m: Mention) -> bool:
    actor = ctx.lexicon.actors.get(m.id)
    return actor is not None and actor.kind in ("organization", "igo", "state", "media")


def _is_person(ctx: Context, m: Mention) -> bool:
    actor = ctx.lexicon.actors.get(m.id)
    return actor is not None and actor.kind == "person" and len(m.ids) == 1


def _ranked(ctx: Context, persons: list[Mention]) -> list[Mention]:
    """A sentence's people, grammatical subjects first, then in text order."""

    def subject(m: Mention) -> bool:
        token = ctx.head(m.start, m.end)
        return token is not None and token.dep_ in ("nsubj", "nsubjpass")

    return sorted(persons, key=lambda m: (not subject(m), m.start))


def _fitting(ctx: Context, groups: Sequence[list[Mention]], gender: str) -> Mention | None:
    """The first person, nearest sentence first, whose known gender (if any) is `gender`.

    A person whose gender a word gives ("Ms.", "spokeswoman") goes before one of unknown gender
    in the same sentence. Within this sentence and the one before, "she" goes to a person the
    text has shown to be a woman (by a word or an earlier "she") before one of unknown gender:
    in news an unknown person is far more often a man; for "he" the nearest fitting person
    wins. When the
    choice was the only fitting person of its sentence, the pronoun's gender becomes that
    person's (a later pronoun of the other gender then looks further back).
    """
    if gender == "f":
        for group in groups[:2]:  # this sentence and the one before
            known = [m for m in group if ctx.genders.get(m.id) == "f"]
            if known:
                return known[0]
        for group in groups[:4]:  # a woman, or a given name that reads as a woman's ("Elena")
            guessed = [
                m
                for m in group
                if ctx.genders.get(m.id) == "f"
                or (m.id not in ctx.genders and _guess(ctx, m) == "f")
            ]
            if guessed:
                ctx.genders[guessed[0].id] = "f"
                return guessed[0]
    for group in groups:
        fits = [m for m in group if ctx.genders.get(m.id, gender) == gender]
        if gender == "m":  # a man before a person whose given name reads as a woman's
            fits = [m for m in fits if _guess(ctx, m) != "f"] or fits
        cued = [m for m in fits if m.id in ctx.cued]
        fits = cued or fits  # a person the text calls "Ms." or "spokeswoman" before a guess
        if fits:
            if len({m.id for m in fits}) == 1:
                ctx.genders.setdefault(fits[0].id, gender)
            return fits[0]
    return None


def _guess(ctx: Context, m: Mention) -> str:
    """ "f" for a person whose given name ends in -a ("Olena", "Desislava", "Fatoumata"): in
    most of Europe and beyond a woman's name; a weak guess, used only to choose between people
    of unknown gender."""
    words = ctx.lexicon.actors[m.id].name.split()
    given = words[0] if len(words) >= 2 else ""
    return "f" if len(given) > 3 and given.endswith("a") and given[0].isupper() else ""


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


def _definite(ctx: Context, noun: str, mod: str, candidates: Sequence[Mention]) -> Mention | None:
    """ "the ministry" -> the nearest actor whose name ends in Ministry; "the country" a state."""
    lex = ctx.lexicon
    fits: list[Mention] = []
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
        if head_noun(actor.name) == noun.replace("organisation", "organization"):
            fits.append(m)
    if mod.replace(".", "") == "UN" and noun in ("agency", "organization", "organisation"):
        # "the UN agency": the nearest UN body named, whatever its name ends in
        fits = [
            m
            for m in candidates
            if lex.actors[m.id].kind == "igo" and lex.actors[m.id].name != "United Nations"
        ][:1]
    elif mod and mod[0].isupper():
        # "the UN agency": an agency of that body, if one was named
        owned = [m for m in fits if mod.replace(".", "") in _owner_words(ctx, m.id)]
        fits = owned or fits
    elif mod:
        named = [m for m in fits if mod in lex.actors[m.id].name.lower()]
        fits = named or fits
    if not fits and not mod and noun in ("agency", "organization", "organisation", "group"):
        # "UNHCR ... the agency": a body known by its acronym has no head noun to match
        fits = [
            m
            for m in candidates
            if lex.actors[m.id].kind in ("igo", "organization")
            and lex.actors[m.id].name.replace(".", "").isupper()
        ]
    return fits[0] if fits else None


def head_noun(name: str) -> str:
    """ "Ministry of Commerce" -> "ministry"; "Cuban Foreign Ministry" -> "ministry"."""
    head = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0].split()
    return head[-1].lower().replace("organisation", "organization") if head else ""


def _owner_words(ctx: Context, actor_id: str) -> set[str]:
    actor = ctx.lexicon.actors[actor_id]
    parent = ctx.lexicon.actors.get(actor.parent_id)
    words = set(actor.name.replace(".", "").split()) | {initials(actor.name)}
    if parent is not None:
        words |= set(parent.name.replace(".", "").split()) | set(parent.aliases)
        words |= {initials(parent.name)}
    return words
