"""People the registry lacks: a new person's actor, with office, country, organisation and
gender from the text (`offices`), surname aliases, and people named by one word only
("Ms. Halvorsen said", "Karimov wrote on Telegram")."""

from __future__ import annotations

import re

from analysis.ingest import coref, offices
from analysis.ingest import organizations as orgs
from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention
from analysis.ingest.lexicon import DEMONYMS
from analysis.ingest.words import (
    COUNTRY_SHORT,
    GENDERED,
    NOT_NAMES,
    ROLE_HEADS,
    SEATS,
    TITLE_WORDS,
)
from analysis.model import Actor

#: One word of a personal name: "Grandi", "al-Burhan", "von".
NAME_WORD = re.compile(
    r"(?:(?:al|el|ad|as|ash|ibn|bin|bint|abu|de|da|di|du|van|von|der|den|la|le)-)?[A-Z][\w'-]*\.?"
    r"|al|bin|ibn|bint|de|da|di|du|van|von|der|den|la|le|dos|das"
)
#: A capitalised word right before a name: a given name the NER may leave out.
FIRST_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $")


def given(word: str) -> bool:
    """Whether a capitalised word before a surname can be a given name ("Beatriz")."""
    return not (
        word in NOT_NAMES
        or word in TITLE_WORDS
        or word in DEMONYMS
        or word in SEATS
        or word in COUNTRY_SHORT
        or geo.country(word) is not None
        or word in ("Said", "Says", "Told", "Asked", "Added", "Wrote", "Minister", "Deputy")
    )


#: Endings of family names across Eastern Europe, the Caucasus and beyond ("Kovalenko",
#: "Ivanova", "Popescu", "Beridze"): a one-word name the NER calls an organisation is a person.
_SURNAME = re.compile(
    r"(?:enko|chenko|ko|ov|ova|ev|eva|in|ina|sky|ski|ska|skyi|ska|vich|vych|uk|yk|chuk|iuk|escu|"
    r"eanu|ic|ić|ovic|ović|dze|shvili|yan|ian|oglu|oğlu|ovski|evski|owski|ewska|owska|iy|yy|yi|berg|stein|mann|sson|ssen)$"
)


def surname_like(word: str) -> bool:
    """Whether a capitalised word ends like a family name ("Kovalenko", "Popescu")."""
    return (
        len(word) > 4 and word[:1].isupper() and not word.isupper() and bool(_SURNAME.search(word))
    )


_HONORIFIC = re.compile(r"\b(?P<h>Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+$")


def lone_person(ctx: Context, s: int, e: int, index: int, label: str) -> Mention | None:
    """A person the text names by one word only: "Ms. Halvorsen said", or a PERSON entity that
    speaks or acts ("Karimov wrote on Telegram") or is described ("Karimov, the envoy,").
    Never in a headline, never a word the text uses as a country, demonym or title."""
    name = ctx.folded[s:e]
    sentence = ctx.sentences[index]
    if sentence.kind == "headline" or not NAME_WORD.fullmatch(name) or len(name) < 3:
        return None
    if name in NOT_NAMES or name in TITLE_WORDS or name in DEMONYMS or name in COUNTRY_SHORT:
        return None  # "Britain imposed": a country's short name ends like "Lenin"
    if geo.country(name):
        return None
    honorific = _HONORIFIC.search(ctx.folded, max(sentence.start, s - 6), s)
    token = ctx.head(s, e)
    kin = ""
    if honorific is None:
        if token is None or (label != "PERSON" and (token.tag_ != "NNP" or not surname_like(name))):
            return None  # a PERSON entity, or a surname the NER missed ("Zelenskiy said")
        if token.tag_ not in ("NNP", "NN"):
            return None
        acting = token.dep_ == "nsubj" and token.head.pos_ == "VERB"
        # "Her son, Dmytro,": a name in apposition to a word for a person
        kin = token.head.lower_ if token.dep_ == "appos" else ""
        kin = kin if kin in GENDERED or kin in ROLE_HEADS else ""
        if not acting and not kin and not offices.describe(ctx, s, e).office:
            return None
    actor = person(ctx, name, s, e)
    if actor is None:
        return None
    if GENDERED.get(kin):
        ctx.genders.setdefault(actor.actor_id, GENDERED[kin])
        ctx.cued.add(actor.actor_id)
    if honorific is not None:
        title = f"{honorific.group('h')}. {name}"
        coref.add_alias(ctx, title, actor.actor_id)
        gender = GENDERED.get(honorific.group("h").lower(), "")
        if gender:
            ctx.genders[actor.actor_id] = gender
            ctx.cued.add(actor.actor_id)
    return Mention(s, e, "actor", (actor.actor_id,), index, 0.5, via="proposed")


def person(ctx: Context, name: str, s: int, e: int) -> Actor | None:
    about = offices.describe(ctx, s, e)
    sector = "UNK"
    for rx, code in orgs.SECTOR_BY_TITLE:
        if rx.search(about.office) or rx.search(about.office.title()):
            sector = code
            break
    owner = ctx.lexicon.actors.get(about.parent)
    if owner is not None and owner.kind == "igo":
        sector = "IGO"
    parent = about.parent or (ctx.lexicon.state_of(about.iso3) or "" if about.iso3 else "")
    actor = orgs.add(
        ctx, Actor(geo.slug(name), name, "person", about.iso3, sector, about.office, parent, "", ())
    )
    if actor is None:
        return None
    coref.add_alias(ctx, name, actor.actor_id)
    for alias in _surnames(name):
        coref.add_alias(ctx, alias, actor.actor_id)
    if about.gender:
        ctx.genders.setdefault(actor.actor_id, about.gender)
        ctx.cued.add(actor.actor_id)
    return actor


def _surnames(name: str) -> list[str]:
    """The short forms a text uses for a person: "Medvedev", "von der Leyen" (and "Von der
    Leyen" opening a sentence), "Burhan" for "al-Burhan", "Li" for "Li Qiang"."""
    words = name.split()
    particle = next((i for i, w in enumerate(words[1:], 1) if w.islower()), len(words) - 1)
    last = " ".join(words[particle:])
    out = [last, last[0].upper() + last[1:]]
    if "-" in words[-1] and words[-1].split("-", 1)[0].islower():
        out.append(words[-1].split("-", 1)[1])  # al-Burhan -> Burhan
    if len(words) == 2 and len(words[0]) <= 3:
        out.append(words[0])  # family name first: "Li Qiang", "Kim Yo Jong"
    return list(dict.fromkeys(out))
