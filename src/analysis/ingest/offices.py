"""What the text says a new person is: office, country, organisation and gender, read off the
dependency parse of the title before the name ("UN refugee chief Filippo Grandi") or of an
apposition on either side ("Filippo Grandi, the UN high commissioner for refugees," / "the UN
high commissioner for refugees, Filippo Grandi,"). Only words that own the office give the
country or the organisation: a demonym, a possessor, "of X", a compounded name; never a place
the office is "in". Names inside a title or an apposition only qualify the person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from analysis.ingest import coref
from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention
from analysis.ingest.lexicon import DEMONYMS
from analysis.ingest.words import GENDERED, ROLE_HEADS, SEATS
from analysis.model import Actor


@dataclass(frozen=True)
class Description:
    """What the text says a person is: office, country, organisation, gender."""

    office: str = ""
    iso3: str = ""
    parent: str = ""
    gender: str = ""


def describe(ctx: Context, s: int, e: int) -> Description:
    """Office, country, organisation and gender of the person named at text[s:e].

    An apposition's office wins over a bare title ("Sudan's army chief, General ..."); the
    country and organisation may come from either.
    """
    span = ctx.parse.span(s, e) if ctx.parse is not None else None
    if span is None or not len(span):
        return Description()
    title = _title(span)
    appos = _apposition(span)
    phrase = appos if _has_role(appos) else title if _has_role(title) else []
    honorific = span.doc[span.start - 1].text.lower() if span.start > 0 else ""
    gender = GENDERED.get(honorific, "")
    for tok in [*title, *appos]:
        gender = gender or GENDERED.get(tok.text.lower(), "")
    if not phrase:
        return Description(gender=gender)
    iso3, parent = _country_in(ctx, phrase)
    if not iso3 and not parent and phrase is appos and title:
        iso3, parent = _country_in(ctx, title)
    kept = list(phrase)
    while kept and _drop_from_office(kept[0]):
        kept.pop(0)
    if not kept:
        return Description("", iso3, parent, gender)
    doc = kept[0].doc
    office = doc.text[kept[0].idx : kept[-1].idx + len(kept[-1].text)].strip(" ,")
    return Description(" ".join(office.split()), iso3, parent, gender)


def redescribe(ctx: Context, out: Sequence[Mention]) -> None:
    """Fill a new person's organisation named after them ("..., the president of the European
    Commission": the Commission is proposed after her)."""
    lex = ctx.lexicon
    for m in out:
        actor = lex.actors.get(m.id) if m.via == "proposed" else None
        if actor is None or actor.kind != "person" or actor.parent_id or not actor.office:
            continue
        about = describe(ctx, m.start, m.end)
        if about.parent:
            owner = lex.actors[about.parent]
            iso3 = actor.country_iso3 or about.iso3
            sector = "IGO" if owner.kind == "igo" else actor.sector
            lex.actors[m.id] = replace(
                actor, parent_id=about.parent, country_iso3=iso3, sector=sector
            )


def _title(span: Any) -> list[Any]:
    """The title words before a name in its noun phrase ("UN refugee chief" Filippo Grandi)."""
    root = span.root
    doc = span.doc
    inside = {t.i for t in root.subtree}
    out: list[Any] = []
    i = span.start - 1
    while i >= 0 and doc[i].i in inside and doc[i].dep_ not in ("det", "cc", "punct", "advmod"):
        if doc[i].tag_ in ("PRP$", "WP$") or doc[i].lower_ in ("a", "an", "the"):
            break
        out.insert(0, doc[i])
        i -= 1
    return out


def _apposition(span: Any) -> list[Any]:
    """The office an apposition gives: ", the UN high commissioner for refugees," either side."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            return _phrase(child, stop=None)
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.pos_ in ("NOUN", "PROPN"):
        # "The UN High Commissioner for Refugees, Filippo Grandi": the parser may hang the
        # name on "Refugees"; the office is the noun the preposition belongs to
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and not _has_role([head]):
            head = head.head.head
        return _phrase(head, stop=span.start)
    return []


def _phrase(head: Any, stop: int | None) -> list[Any]:
    """A noun's phrase without determiners, relative clauses, or what follows `stop`."""
    cut = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    out = [t for t in head.subtree if t.i not in cut and (stop is None or t.i < stop)]
    while out and (out[0].dep_ in ("det", "punct") or out[0].tag_ == "PRP$"):
        out.pop(0)
    while out and out[-1].dep_ == "punct":
        out.pop()
    return out[:12]


def _has_role(tokens: Sequence[Any]) -> bool:
    return any(t.lower_ in ROLE_HEADS or t.lemma_.lower() in ROLE_HEADS for t in tokens)


def _drop_from_office(token: Any) -> bool:
    """Words of a title that say the country, not the office ("Russian", "Russia's"), and
    tokens without a letter (a live blog's "11:05")."""
    if token.text in DEMONYMS or not any(ch.isalpha() for ch in token.text):
        return True
    if token.dep_ == "case" and token.head.dep_ == "poss":
        return True
    return token.dep_ == "poss" and geo.country(token.text) is not None


def _country_in(ctx: Context, tokens: Sequence[Any]) -> tuple[str, str]:
    """The country (ISO3) and organisation (actor id) a title or apposition names, if any.

    Only words that own the office count: a demonym ("Russian"), a possessor ("Russia's"), a
    country or organisation "of" it ("the president of Moldova"), a name compounded with it
    ("State Department spokesperson", "UN refugee chief"); never a place the office is "in" or
    "to" ("the head of the UN human rights office in Ukraine": the UN's, not Ukraine's).
    """
    if ctx.parse is None or not tokens:
        return "", ""
    ids = {t.i for t in tokens}
    owning = [t for t in tokens if _owns(t, ids)]
    iso3, parent = "", ""
    for i in range(len(owning)):
        for n in (3, 2, 1):
            words = owning[i : i + n]
            if len(words) < n or words[-1].i - words[0].i != n - 1:
                continue
            text = " ".join(w.text for w in words)
            found = (
                DEMONYMS.get(text)
                or SEATS.get(text)
                or (c.iso3 if (c := geo.country(text)) else "")
            )
            if found:
                iso3 = iso3 or found
                break
    if owning:  # the longest organisation name in it: "UN human rights office" over "UN"
        start = ctx.parse.offset(owning[0])
        end = ctx.parse.offset(owning[-1]) + len(owning[-1].text)
        named = [
            a
            for a in ctx.lexicon.actors.values()
            if a.kind in ("organization", "igo") and names_in(a, ctx.folded[start:end])
        ]
        if named:
            parent = max(named, key=lambda a: len(a.name)).actor_id
    for tok in owning:
        actor_id = coref.alias_of(ctx, tok.text, ()) if tok.text[:1].isupper() else ""
        actor = ctx.lexicon.actors.get(actor_id)
        if actor is not None and actor.kind in ("organization", "igo"):
            parent = parent or actor_id
    if iso3 and parent and ctx.lexicon.actors[parent].country_iso3 not in ("", iso3):
        parent = ""
    if parent and not iso3:
        iso3 = ctx.lexicon.actors[parent].country_iso3
    return iso3, parent


def _owns(token: Any, phrase: set[int]) -> bool:
    """Whether a word of an office phrase is reached without a locative preposition."""
    for anc in token.ancestors:
        if anc.i not in phrase:
            return True
        if anc.dep_ == "prep" and anc.lower_ not in ("of", "for"):
            return False
    return True


def names_in(actor: Actor, text: str) -> bool:
    forms = {actor.name, *actor.aliases}
    return any(
        len(f) > 1 and re.search(rf"(?<!\w){re.escape(f.removeprefix('the '))}(?!\w)", text)
        for f in forms
    )


def qualifiers(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """An organisation or state inside a person's title or apposition only qualifies them."""
    if ctx.parse is None:
        return mentions
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "actor" or m.role or m.via in ("pronoun", "definite"):
            continue
        actor = ctx.lexicon.actors.get(m.id)
        if actor is None or actor.kind == "person":
            continue
        token = ctx.head(m.start, m.end)
        if token is not None and _in_person_phrase(token):
            out[i] = replace(m, role="modifier")
    return out


def _in_person_phrase(token: Any) -> bool:
    """Whether a token sits in the title or apposition of a PERSON entity (before any verb)."""
    for anc in token.ancestors:
        if anc.pos_ in ("VERB", "AUX") or (
            anc.dep_ in ("prep",) and anc.lower_ not in ("for", "of")
        ):
            return False
        if anc.ent_type_ == "PERSON":
            return True
        if anc.dep_ == "appos" and anc.head.ent_type_ == "PERSON":
            return True
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in anc.children):
            return True
    return False
