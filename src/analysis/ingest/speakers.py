"""Who speaks: the head token of a speech act's subject resolved to an actor of the registry.

The head noun decides, not the nearest name: "the head of the UN human rights office in
Ukraine said" is spoken by an office holder of the UN office, never by Ukraine.
- a mention over the head token (a name, a title, or a pronoun coreference resolved) speaks;
- "X's spokesperson", "the Kremlin spokesman": X speaks through its spokesperson (not named);
- "the head of X", "X's foreign minister": the holder of that office in X, found earlier in the
  article ("Jane Doe, the head of X,"), in the registry (office and parent), or proposed as an
  unnamed office holder whose parent is X;
- "a senior official", "officials", "sources", "diplomats": an unnamed, anonymous actor,
  proposed with the country its words give ("a senior U.S. official");
- an organisation the registry lacks ("the Ministry of Commerce") is proposed, with the country
  its words or the paragraph give;
- "a statement from X", "figures published by X": X; "the report said": the body that spoke last;
- "it" and "they" as the subject of a speech verb: the body (or group) that spoke last, before
  the coreference's guess; "he" and "she" keep the coreference's resolution (gender, nearest);
- a pronoun resolved by neither: the "Unidentified speaker", never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.ingest import described
from analysis.ingest.context import Mention
from analysis.ingest.cues import ANONYMOUS, BODIES, DOCUMENTS, OFFICES, SPOKES
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.parse import Parse

#: The kinds of actor that publish reports.
_AUTHORS = ("organization", "igo", "media")
#: The kinds of actor "it" and "they" can stand for when the last speaker is one of them.
_BODY_KINDS = ("organization", "state", "igo", "media")
_PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "it": _BODY_KINDS,
    "they": ("unnamed", "group"),
}
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you"))
_ORG_HEAD = re.compile(
    r"^(?:Ministry|Agency|Council|Committee|Office|Service|Command|Department|Commission|"
    r"Authority|Directorate|Embassy|Bureau|Administration|Court|Parliament|Government|Bank|"
    r"Fund|Organization|Organisation|Union|Party|Institute|Foundation)$"
)


@dataclass(frozen=True)
class Speaker:
    """The actor that speaks, the mention (or stand-in) it is found by, and a confidence."""

    mention: Mention
    actor_id: str
    named: bool
    confidence: float
    how: str  # mention | spokesperson | office | anonymous | proposed | unidentified


def at_token(mentions: Sequence[Mention], at: int, kind: str = "actor") -> Mention | None:
    """The mention over a character offset (a pronoun's own mention first)."""
    hits = [m for m in mentions if m.kind == kind and m.start <= at < m.end]
    hits.sort(key=lambda m: (m.via != "pronoun", m.end - m.start))
    return hits[0] if hits else None


def resolve(
    head: Any,
    parse: Parse,
    folded: str,
    mentions: Sequence[Mention],
    lexicon: Lexicon,
    sentence: int,
    earlier: Sequence[Mention],
    spoke: Sequence[Mention] = (),
) -> Speaker | None:
    """The speaker a subject's head token names; None when it names no one ("the report").

    `spoke` are the speakers of the claims just before (nearest last): "it" and "they", which
    coreference leaves open, go to the last body or group that spoke.
    """
    at = parse.offset(head)
    start = parse.offset(head.left_edge)
    lemma = head.lemma_.lower()
    for app in (c for c in head.children if c.dep_ == "appos"):
        m = at_token(mentions, parse.offset(app))
        if m is not None and lexicon.actors[m.id].kind == "person":
            return Speaker(m, m.id, m.named, 0.8, "mention")
    m = at_token(mentions, at) or _named_after(head, parse, mentions)
    last = _last_speaker(head, spoke, lexicon)
    if m is not None and m.via == "pronoun" and last is not None and last.id != m.id:
        m = None  # "..., the ministry said. It said ...": "it" is the body that spoke last
    if m is not None:
        conf = 0.8 if m.via in ("registry", "title", "possessive") else 0.7
        return Speaker(m, m.id, m.named and lexicon.actors[m.id].kind != "unnamed", conf, "mention")
    place = at_token(mentions, at, "place")
    if place is not None:
        state = described.state(lexicon, lexicon.places[place.id].country_iso3)
        if state and lexicon.places[place.id].kind in ("country", "city"):
            stand = Mention(place.start, place.end, "actor", (state,), sentence, 0.6, via="place")
            return Speaker(stand, state, True, 0.6, "mention")
    if head.lower_ in _PRONOUNS:
        if last is not None:
            stand = Mention(
                at, at + len(head.text), "actor", last.ids, sentence, 0.5, via="pronoun"
            )
            return Speaker(stand, last.id, last.named, 0.5, "mention")
        return _unidentified(lexicon, at, at + len(head.text), sentence)
    owner = _owner(head, parse, mentions)
    press = lemma == "service" and "press" in head.doc.text[head.idx - 6 : head.idx]
    if (lemma in SPOKES or press) and owner is not None:
        stand = Mention(start, at + len(head.text), "actor", owner.ids, sentence, 0.7)
        return Speaker(stand, owner.id, False, 0.7, "spokesperson")
    indefinite = head.tag_ == "NNS" or any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in head.children
    )
    if (lemma in OFFICES or lemma in SPOKES) and not indefinite:
        holder, named = _office_holder(head, owner, parse, folded, lexicon, earlier)
        if holder is not None:
            stand = Mention(start, at + len(head.text), "actor", (holder,), sentence, 0.6)
            return Speaker(stand, holder, named, 0.6, "office")
        described_by = any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in head.children)
        if lemma in OFFICES and (owner is not None or described_by):
            # "the head of the chamber of commerce in Riga": an office of a body not named
            actor = described.office(head, parse, folded, owner, lexicon)
            stand = Mention(start, at + len(head.text), "actor", (actor,), sentence, 0.5)
            return Speaker(stand, actor, False, 0.5, "office")
    bare = not any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod") for c in head.children)
    if bare and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
        found = _definite(lemma, earlier, lexicon)
        if found is not None:  # "the command", "The Ministry": the last body so named
            stand = Mention(start, at + len(head.text), "actor", found.ids, sentence, 0.6)
            return Speaker(stand, found.id, found.named, 0.6, "mention")
    if lemma in ANONYMOUS and head.tag_ in ("NN", "NNS"):
        actor = described.anonymous(
            head, parse, folded, owner or _where(head, parse, mentions), lexicon
        )
        stand = Mention(start, at + len(head.text), "actor", (actor,), sentence, 0.6)
        return Speaker(stand, actor, False, 0.6, "anonymous")
    if head.pos_ == "PROPN" and _ORG_HEAD.match(head.text):
        org = described.organization(
            head, parse, folded, owner, [*_last_sentences(earlier, sentence), *mentions], lexicon
        )
        if org is not None:
            stand = Mention(start, at + len(head.text), "actor", (org,), sentence, 0.5)
            return Speaker(stand, org, True, 0.5, "proposed")
    if lemma in DOCUMENTS:  # "a statement from X said", "according to figures published by X"
        author = owner or _author(head, parse, mentions)
        if author is not None:
            return Speaker(author, author.id, author.named, 0.6, "mention")
        body = _described_author(head, parse, folded, lexicon)
        if body:  # "a statement from the Turkish presidency said"
            stand = Mention(start, at + len(head.text), "actor", (body,), sentence, 0.5)
            return Speaker(stand, body, False, 0.5, "proposed")
        last = next((m for m in reversed(spoke) if lexicon.actors[m.id].kind in _BODY_KINDS), None)
        if last is None:  # "The mission released its report. The report said": its publisher
            last = next(
                (
                    m
                    for m in reversed(_last_sentences(earlier, sentence))
                    if m.kind == "actor" and m.independent and lexicon.actors[m.id].kind in _AUTHORS
                ),
                None,
            )
        if last is not None and any(c.lower_ in ("the", "its") for c in head.children):
            stand = Mention(start, at + len(head.text), "actor", last.ids, sentence, 0.5)
            return Speaker(stand, last.id, last.named, 0.5, "mention")  # "the report said"
    if lemma in BODIES:
        if owner is not None:  # "the United Nations refugee agency": a body of the UN
            actor = described.body(head, parse, folded, owner, lexicon)
            stand = Mention(start, at + len(head.text), "actor", (actor,), sentence, 0.5)
            return Speaker(stand, actor, True, 0.5, "proposed")
        if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
            found = _definite(lemma, earlier, lexicon)
            if found is not None:  # "the agency": the last agency named
                stand = Mention(start, at + len(head.text), "actor", found.ids, sentence, 0.6)
                return Speaker(stand, found.id, found.named, 0.6, "mention")
            actor = described.unnamed_body(head, parse, folded, lexicon)
            if actor:  # "the presidential office said", none named before
                stand = Mention(start, at + len(head.text), "actor", (actor,), sentence, 0.5)
                return Speaker(stand, actor, False, 0.5, "proposed")
    return None


def _named_after(head: Any, parse: Parse, mentions: Sequence[Mention]) -> Mention | None:
    """ "the news agency BNS reports", "the broadcaster Suspilne said": a common noun the name
    right after it presents (the parser may hang the name on the verb)."""
    if head.tag_ != "NN" or head.i + 1 >= len(head.doc):
        return None
    nxt = head.doc[head.i + 1]
    if nxt.tag_ != "NNP":
        return None
    return at_token(mentions, parse.offset(nxt))


def _last_speaker(head: Any, spoke: Sequence[Mention], lexicon: Lexicon) -> Mention | None:
    """For "it" and "they": the last speaker of a kind the pronoun can stand for."""
    kinds = _PRONOUN_KINDS.get(head.lower_, ())
    return next((m for m in reversed(spoke) if lexicon.actors[m.id].kind in kinds), None)


def _last_sentences(earlier: Sequence[Mention], sentence: int) -> list[Mention]:
    """The mentions of the sentence before: the local context, never the article's topic."""
    return [m for m in earlier if m.sentence >= sentence - 1]


def _definite(noun: str, earlier: Sequence[Mention], lexicon: Lexicon) -> Mention | None:
    for m in reversed(earlier):
        if m.kind != "actor" or lexicon.actors[m.id].kind == "person":
            continue
        name = lexicon.actors[m.id].name.lower()
        if re.search(rf"\b{re.escape(noun)}\b", name):
            return m
    return None


def _unidentified(lexicon: Lexicon, start: int, end: int, sentence: int) -> Speaker:
    if described.UNIDENTIFIED.actor_id not in lexicon.actors:
        lexicon.add_actor(described.UNIDENTIFIED)
    stand = Mention(
        start, end, "actor", (described.UNIDENTIFIED.actor_id,), sentence, 0.3, named=False
    )
    return Speaker(stand, described.UNIDENTIFIED.actor_id, False, 0.3, "unidentified")


def _owner(head: Any, parse: Parse, mentions: Sequence[Mention]) -> Mention | None:
    """Whose office or voice a noun is: `X's`, `the X spokesman`, `of/for/at X` (not `in X`)."""
    for child in head.children:
        if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < head.i:
            m = at_token(mentions, parse.offset(child))
            if m is not None:
                return m
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from", "with", "to"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                for tok in _owner_tokens(obj):
                    m = at_token(mentions, parse.offset(tok))
                    if m is not None:
                        return m
    return None


def _author(head: Any, parse: Parse, mentions: Sequence[Mention]) -> Mention | None:
    """The actor a document is by: "figures published by the UN", "a report by Politico"."""
    for tok in head.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from", "of"):
            m = at_token(mentions, parse.offset(tok))
            if m is not None:
                return m
    return None


def _described_author(head: Any, parse: Parse, folded: str, lexicon: Lexicon) -> str:
    """A body a document is from that the text describes, never names ("the Turkish
    presidency")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN":
                return described.unnamed_body(obj, parse, folded, lexicon)
    return ""


def _where(head: Any, parse: Parse, mentions: Sequence[Mention]) -> Mention | None:
    """ "officials in Chad": the place (or state) the people are in, for their country."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                at = parse.offset(obj)
                m = at_token(mentions, at) or at_token(mentions, at, "place")
                if m is not None:
                    return m
    return None


def _owner_tokens(obj: Any) -> list[Any]:
    """The object and its modifiers, nearest first, without what hangs on `in`, `on`, `near`."""
    out = [obj]
    for c in obj.children:
        if c.dep_ in ("compound", "nmod", "poss", "amod", "appos") or (
            c.dep_ == "prep" and c.lower_ in ("of", "for")
        ):
            out.extend(c.subtree if c.dep_ == "prep" else [c, *c.subtree])
    return out


def _title_start(parse: Parse, m: Mention) -> int:
    """Where a name's title starts: the first modifier of the name's head token."""
    tok = parse.token_at(max(m.start, m.end - 1))
    return min(m.start, parse.offset(tok.left_edge)) if tok is not None else m.start


#: "who heads the mission" holds the office "head".
_HOLDS_ROLE = {"heads": "head", "chairs": "chair", "leads": "leader", "directs": "director"}
_HOLDS = re.compile(r"\b(?:heads|chairs|leads|directs)\b")


def _office_holder(
    head: Any,
    owner: Mention | None,
    parse: Parse,
    folded: str,
    lexicon: Lexicon,
    earlier: Sequence[Mention],
) -> tuple[str | None, bool]:
    """A person the article or the registry gives this office: "Jane Doe, the head of X,"."""
    role = head.lower_
    owner_words = folded[owner.start : owner.end].lower() if owner is not None else ""
    for m in reversed(earlier):
        if m.kind != "actor" or lexicon.actors[m.id].kind != "person":
            continue
        app = re.match(
            r"^,\s+(?:the |a |an |its |their |who )?([^,.;]{0,100})", folded[m.end : m.end + 120]
        )
        words = " | ".join(
            (
                folded[_title_start(parse, m) : m.end],  # "UN refugee chief Filippo Grandi"
                app.group(1) if app else "",  # "Jane Doe, the head of X,", ", who heads X,"
                lexicon.actors[m.id].office,
            )
        ).lower()
        words = _HOLDS.sub(lambda v: _HOLDS_ROLE[v.group(0)], words)
        if re.search(rf"\b{re.escape(role)}\b", words) and (
            not owner_words or owner_words.removeprefix("the ") in words
        ):
            return m.id, True
    if owner is not None:
        for actor in lexicon.actors.values():
            if (
                actor.kind == "person"
                and actor.parent_id == owner.id
                and re.search(rf"\b{re.escape(role)}\b", actor.office.lower())
            ):
                return actor.actor_id, False
    return None, False
