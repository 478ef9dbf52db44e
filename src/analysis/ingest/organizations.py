"""Organisations, outlets and bodies the registry lacks, proposed with the country their name
gives: "China's Ministry of Commerce", "state broadcaster Suspilne", "the UN refugee agency";
a bracketed acronym becomes the actor's alias ("International Criminal Court (ICC)").
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from analysis.ingest import coref
from analysis.ingest import places as geo
from analysis.ingest.context import Context, Mention, overlaps
from analysis.ingest.lexicon import DEMONYMS
from analysis.ingest.words import COUNTRY_SHORT, IGO_WORDS
from analysis.model import Actor

log = logging.getLogger(__name__)

_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z.&-]{1,9})\)")

ORG_WORDS = re.compile(
    r"\b(?:Ministry|Agency|Council|Committee|Army|Forces|Party|Bank|Office|"
    r"Service|Command|Police|Court|Parliament|Government|University|"
    r"Institute|Foundation|Company|Corporation|Group|Front|Brigade|"
    r"Battalion|Guard|Navy|Fund|Organization|Organisation|Union|Commission|Authority|"
    r"Directorate|Department|Embassy|Programme|Program|Tribunal|Assembly|Mission|Watch|"
    r"International|Borders|Centre|Center|Society|Association|Federation|Network|Coalition|"
    r"Alliance|Movement|Brigades|Monitor|Observatory|Crescent|Cross|Bureau|Secretariat|Fleet|"
    r"Flotilla|Regiment|Staff|Headquarters|Chamber|Cabinet|Senate|Corps|Division|Academy|"
    r"College|Inspectorate|Operator)$"
)
MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Television|TV|Radio|Press|Herald|Gazette|Telegraph|Tribune|"
    r"Wire|Daily|Courier|Observer|Chronicle|Dispatch|Bulletin|Express|Mail|Guardian|Inquirer|"
    r"Examiner|Mirror|Standard|Insider|Weekly|Magazine|Broadcasting|Broadcaster|Newswire)\b"
)
#: Media words that outweigh an organisation word: "Harwick News Service", "Wire Service".
NEWS_WORDS = re.compile(r"\b(?:News|Wire|Press|Newswire|Broadcasting)\b")
#: An outlet in a dateline's brackets: "OSLO (Continental Wire Service) -".
DATELINE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Z .,'-]{2,40}\(\s*$")
#: Words that present an outlet: "the state news agency Ukrinform", "Politico, the news site".
OUTLET_BEFORE = re.compile(
    r"\b(?:news agency|agency|broadcaster|newspaper|outlet|daily|channel|website|news site|"
    r"magazine|tabloid|portal|state media|state television|weekly)\s+(?:the\s+)?$"
)
OUTLET_AFTER = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:news agency|broadcaster|newspaper|outlet|daily|"
    r"channel|website|news site|magazine|tabloid|portal|weekly)\b"
)
SECTOR_BY_TITLE = (
    (
        re.compile(
            r"Defen[cs]e|General(?! Assembly)|Gen\.|Commander|commander|Army|army|Navy|"
            r"Air Force|military|Col\.|Lt\.|Adm\.|Capt\.|Maj\.|Forces"
        ),
        "MIL",
    ),
    (re.compile(r"Police|police"), "COP"),
    (re.compile(r"Senator|Sen\.|Rep\.|lawmaker|Speaker|Parliament"), "LEG"),
    (re.compile(r"Judge|judge|Court|prosecutor|Prosecutor"), "JUD"),
    (
        re.compile(
            r"President|Prime|Minister|minister|Chancellor|Secretary|Ambassador|ambassador|Envoy|"
            r"envoy|Mayor|Governor|spokes|King|Queen|leader|Leader|official|Ministry|Department|"
            r"Government|Cabinet"
        ),
        "GOV",
    ),
)

_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)")
_POSSESSOR = re.compile(r"(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)*)'s\s+$")


def country_iso3(name: str) -> str:
    """The ISO3 of a country named exactly so, short names included ("Britain")."""
    found = geo.country(name)
    return found.iso3 if found is not None else COUNTRY_SHORT.get(name, "")


def organization(ctx: Context, name: str, e: int, *, media: bool) -> Actor | None:
    igo = bool(IGO_WORDS.match(name))
    iso3 = "" if igo else next((c for d, c in DEMONYMS.items() if name.startswith(d + " ")), "")
    of = _OF_COUNTRY.match(ctx.folded, e)
    iso3 = (country_iso3(of.group("c")) if of and not igo and not iso3 else "") or iso3
    before = ctx.folded[max(0, e - len(name) - 50) : e - len(name)]
    presented = OUTLET_BEFORE.search(before)
    if media and presented and not iso3:  # "Russian broadcaster Rossiya 1"
        words = before[: presented.start()].split()
        iso3 = next((DEMONYMS[w] for w in reversed(words[-2:]) if w in DEMONYMS), "")
    owner = _POSSESSOR.search(ctx.folded, max(0, e - len(name) - 40), e - len(name))
    owned = country_iso3(owner.group("owner")) if owner and not igo and not iso3 else ""
    if owned:  # "China's Ministry of Commerce"
        iso3 = owned
        name = f"{owner.group('owner') if owner else ''}'s {name}"
    kind = "igo" if igo else "media" if media else "organization"
    sector = {"igo": "IGO", "media": "JRN"}.get(kind, "UNK")
    if kind == "organization":
        for rx, code in SECTOR_BY_TITLE:
            if rx.search(name):
                sector = code
                break
    parent = ctx.lexicon.state_of(iso3) or "" if iso3 and sector in ("GOV", "MIL") else ""
    aliases = (name, short) if (short := name.split("'s ", 1)[-1]) != name else (name,)
    return add(ctx, Actor(geo.slug(name), name, kind, iso3, sector, "", parent, "", aliases))


def add(ctx: Context, actor: Actor) -> Actor | None:
    """The actor itself if new (added to the lexicon), the known one of that name, or None."""
    lex = ctx.lexicon
    existing = lex.actors.get(actor.actor_id)
    if existing is not None:
        return existing if existing.name == actor.name else None
    lex.add_actor(actor)
    ctx.proposals.append(actor.actor_id)
    log.debug("proposed %s %s", actor.kind, actor.actor_id)
    return actor


def bracketed(ctx: Context, out: list[Mention], only: Mention | None = None) -> None:
    """ "International Criminal Court (ICC)": the acronym becomes an alias of the actor."""
    for m in [only] if only is not None else list(out):
        if m.kind != "actor" or m.via in ("pronoun", "definite"):
            continue
        found = _ACRONYM.match(ctx.folded, m.end)
        if found is None:
            continue
        acr = found.group("acr")
        coref.add_alias(ctx, acr, m.id)
        a, b = found.start("acr"), found.end("acr")
        if not overlaps(out, a, b):
            out.append(
                Mention(a, b, "actor", m.ids, m.sentence, m.confidence, "appositive", via="alias")
            )


_BRACKETED = re.compile(r"(?<=[a-z]) \((?P<acr>[A-Z][A-Z.&-]{1,8})\)")


def described(ctx: Context, out: list[Mention]) -> list[Mention]:
    """ "Russia's military intelligence service (GRU)": a body the text describes in lower case
    and names by a bracketed acronym is proposed by those words, the acronym its alias; names
    inside the description only qualify it."""
    if ctx.parse is None:
        return out
    for found in _BRACKETED.finditer(ctx.folded):
        tok = ctx.parse.token_at(found.start() - 1)
        index = ctx.sentence_of(found.start())
        if tok is None or tok.pos_ != "NOUN" or index < 0 or coref.alias_of(ctx, found["acr"], ()):
            continue
        left = tok.left_edge
        while left.i < tok.i and (left.dep_ == "det" or left.is_punct):
            left = left.nbor(1)
        s, e = ctx.parse.offset(left), found.start()
        if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in out):
            continue
        name = " ".join(ctx.folded[s:e].split())
        inner = [m for m in out if s <= m.start and m.end <= e]
        owner = next((ctx.lexicon.actors[m.id] for m in inner if m.kind == "actor"), None)
        iso3 = owner.country_iso3 if owner is not None else ""
        possessor = _POSSESSOR.search(name.split("'s ")[0] + "'s ") if "'s " in name else None
        iso3 = iso3 or (country_iso3(possessor.group("owner")) if possessor else "")
        iso3 = iso3 or next((c for d, c in DEMONYMS.items() if name.startswith(d + " ")), "")
        parent = ctx.lexicon.state_of(iso3) or "" if iso3 else ""
        actor = add(
            ctx,
            Actor(
                geo.slug(name),
                name,
                "organization",
                iso3,
                "GOV" if parent else "UNK",
                "",
                parent,
                "",
                (name,),
            ),
        )
        if actor is None:
            continue
        coref.add_alias(ctx, found["acr"], actor.actor_id)
        out = [m for m in out if m not in inner]
        out.append(Mention(s, e, "actor", (actor.actor_id,), index, 0.6, via="proposed"))
        a, b = found.start("acr"), found.end("acr")
        out.append(Mention(a, b, "actor", (actor.actor_id,), index, 0.6, "appositive", via="alias"))
    return out


BODY = re.compile(
    r"\b[Tt]he (?P<name>(?P<owner>U\.N\.|UN|EU|NATO|AU|OSCE)(?: [a-z][a-z-]+){0,3} "
    r"(?P<head>agency|office|watchdog|body|mission|court|tribunal|commission|council|panel))\b"
)


def body(ctx: Context, m: re.Match[str], out: list[Mention]) -> list[Mention]:
    """ "the UN refugee agency", "the U.N. nuclear watchdog": a body of a named organisation,
    the one named earlier that fits, else proposed (its parent is the owner)."""
    lex = ctx.lexicon
    s, e = m.start("name"), m.end("name")
    index = ctx.sentence_of(s)
    inside = [x for x in out if s <= x.start and x.end <= e]
    if index < 0 or [x for x in out if x.start < e and s < x.end and x not in inside]:
        return out
    if [x for x in inside if x.start >= m.end("owner")]:
        return out
    owner = coref.alias_of(ctx, m.group("owner"), ())
    words = m.group("name").split()[1:-1]  # "refugee" of "UN refugee agency"
    earlier = [
        x
        for x in out
        if x.kind == "actor"
        and x.end <= s
        and x.id != owner
        and lex.actors[x.id].kind == "igo"
        and (
            coref.head_noun(lex.actors[x.id].name) == m.group("head")
            or (not words and m.group("head") in ("agency", "body"))
            or any(w in lex.actors[x.id].name.lower() for w in words)
        )
    ]
    if earlier:
        actor_id, via = earlier[-1].id, "definite"
    else:
        name = " ".join(m.group("name").split())
        igo = bool(owner) and lex.actors[owner].kind == "igo"
        kind, sector = ("igo", "IGO") if igo else ("organization", "UNK")
        actor = add(ctx, Actor(geo.slug(name), name, kind, "", sector, "", owner, "", (name,)))
        if actor is None:
            return out
        actor_id, via = actor.actor_id, "proposed"
    out = [replace(x, role="modifier") if x in inside else x for x in out]
    out.append(Mention(s, e, "actor", (actor_id,), index, 0.6, via=via))
    return out


#: Common nouns a name is compounded with to name a body: "the Wagner mercenary group".
GROUP_NOUNS = frozenset(
    """group militia company regiment battalion brigade party movement faction firm operator
    network alliance coalition unit""".split()  # noqa: SIM905
)
MEDIA_NOUNS = frozenset(
    ["newspaper", "channel", "broadcaster", "outlet", "website", "daily", "tabloid"]
)


def named_body(ctx: Context, s: int, e: int, index: int, token: Any) -> Mention | None:
    """A name compounded with a body noun ("the Wagner mercenary group", "the Rybar Telegram
    channel"): the body, with the name as its alias."""
    head = token.head
    lemma = head.lemma_.lower()
    if (
        token.dep_ not in ("compound", "nmod")
        or head.i <= token.i
        or head.tag_ not in ("NN", "NNS")
    ):
        return None
    if lemma not in GROUP_NOUNS | MEDIA_NOUNS:
        return None
    if any(t.pos_ not in ("ADJ", "NOUN", "PROPN") for t in head.doc[token.i + 1 : head.i]):
        return None
    end = ctx.parse.offset(head) + len(head.text) if ctx.parse is not None else e
    name = " ".join(ctx.folded[s:end].split())
    actor = organization(ctx, name, end, media=lemma in MEDIA_NOUNS)
    if actor is None:
        return None
    coref.add_alias(ctx, ctx.folded[s:e], actor.actor_id)
    return Mention(s, end, "actor", (actor.actor_id,), index, 0.6, via="proposed")
