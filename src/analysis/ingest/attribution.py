"""Who said what: claims from the parse's speech acts and quotations, their relays and checks.

A claim is a speech act (`speech`) with something said and a speaker (`speakers`):
- direct quotations, over sentences and paragraphs up to the closing mark, take the cue of the
  sentence they close or open in (`"...," she said.`, `She said: "..."`, `"...?" he asked.`);
  a quotation with no cue of its own that follows one in the same paragraph, or opens the next
  paragraph, is a new claim of the same speaker (lower confidence);
- indirect speech ("X said (that) ...", "..., X said") and mixed quotes (a quoted phrase inside
  reported speech) are the verb's clause; "according to X" the clause it is attached to;
- the claim's quote is what was said, never the attribution clause.
Relays are read by `relays` ("..., Ukrinform reported", "X told The Washington Post", "in
remarks carried by TASS"); an outlet that asserts alone is both speaker and via; the next
sentence by the same speaker keeps the relay. "That's according to X" gives the sentence before
to X (its claims by other cues give way); an office holder who speaks ("..., the head of the
bank's office said.") is the person the paragraph's next sentence opens with when it names
them there first; a quotation read twice (without a cue, then by its cue) is one claim.
"could not independently verify" in the sentence or the next one marks the claim not verified.
A claim's date is a date in the attribution ("said last week that"), not in what was said;
otherwise the date the same speaker was last placed at in the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from analysis.ingest import cues, marks, quoting, relays, speech
from analysis.ingest import speakers as speakers_
from analysis.ingest.context import Mention
from analysis.ingest.dates import DateMention
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.parse import Parse
from analysis.ingest.relays import Found
from analysis.ingest.segment import Sentence

_EXTENSION = re.compile(
    r"(?: in a (?:statement|video|interview|post|speech|televised address|briefing|"
    r"telephone interview|Telegram post)| at a (?:news conference|press conference|briefing|"
    r"meeting|rally)| on (?:Facebook|Telegram|X|Twitter|Instagram|state television|"
    r"television|social media)| (?:claims|reports|allegations|accusations|suggestions|"
    r"speculation)(?= that\b| of\b))"
)
_TOLD_OBJECT = re.compile(
    r" (?:reporters|journalists|lawmakers|parliament|state media|"
    r"(?:the )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)"
)
_VERIFY = re.compile(
    r"could not (?:independently )?(?:verify|confirm)|"
    r"(?:has|have) not (?:been able to )?(?:independently )?"
    r"(?:verified|confirmed)|(?:was|were) unable to (?:independently )?"
    r"(?:verify|confirm)|cannot (?:independently )?(?:verify|confirm)|"
    r"not independently verified",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:independently confirmed|independently verified|has confirmed|"
    r"have confirmed)\b"
)
_ANONYMITY = re.compile(
    r"\b(?:(?:on|under) (?:the )?condition(?:s)? of anonymity|anonymity|declined to be "
    r"(?:named|identified)|(?:was|were) not authori[sz]ed to (?:speak|talk|comment)|"
    r"asked not to be (?:named|identified))\b",
    re.IGNORECASE,
)
_NEGATED_CONTENT = re.compile(
    r"^\W*(?:there (?:is|are|was|were) no|(?:it|they|he|she|we) "
    r"(?:did|do|does|was|were|is|are) not|no one|nothing)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """One claim found in a sentence: its cue, speaker, relay, verification and offsets."""

    sentence: int
    cue: str  # the words of the cue, e.g. "told reporters"
    cue_start: int
    cue_end: int
    speaker: Mention
    speaker_id: str
    via_id: str
    speaker_named: bool
    stance: str
    verification: str
    content: tuple[int, int]  # what was said, by offsets
    quote: tuple[int, int]  # the claim's quote: what was said (over sentences if quoted so)
    date: DateMention | None
    confidence: float
    anonymous: bool = False  # the text says the speaker asked not to be named


def attributions(
    folded: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    lexicon: Lexicon,
    *,
    parse: Parse | None = None,
) -> list[Attribution]:
    """The claims of a document, in text order."""
    if parse is None:
        return []
    folded = marks.single_marks(folded)  # `'We will act,' she said.`: read as double marks
    parse = _Offsets(parse.blocks)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    near = quoting.near_quotes(marks.quotations(folded, sentences), sentences)
    found: list[Found] = []
    stand_ins: list[Mention] = []  # speakers found by their description ("the UN agency")
    past: list[Mention] = []  # the mentions of the sentences before, the last ones only
    for index, sentence in enumerate(sentences):
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        earlier = sorted(past[-60:] + stand_ins[-10:], key=lambda m: m.start)
        quotes = near[index]
        if sentence.kind == "headline":  # read for its event only; what it says the body says
            past = past[-60:] + own
            continue
        here: list[Found] = []
        for act in speech.speech_acts(folded, parse, sentence, quotes):
            content = act.content
            if act.backward and index:
                before = sentences[index - 1]
                content = (before.start, before.end)
            content, direct = quoting.widen(folded, act, content, sentence, quotes)
            if content is None and folded[act.end : sentence.end].rstrip().endswith(":"):
                nxt = [q for q in quotes if q.long and sentence.end <= q.start < sentence.end + 4]
                if nxt:
                    content, direct = marks.inner(folded, nxt[0]), True
            if content is None or content[1] - content[0] < 2 or act.subject is None:
                continue
            if act.lemma in cues.QUOTE_ONLY and not direct:
                continue  # "continued to fight", "asked for help"
            recent = [
                f.speaker.mention
                for f in found[-3:]
                if sentences[f.sentence].block >= sentence.block - 1
            ]
            speaker = speakers_.resolve(
                act.subject, parse, folded, own, lexicon, index, earlier, recent
            )
            if speaker is None:
                continue
            if speaker.how == "office" and not speaker.named:
                speaker = _named_next(speaker, sentences, index, by_sentence, lexicon) or speaker
            via = ""
            if lexicon.actors[speaker.actor_id].kind == "media":
                source = relays.cited(parse, sentence, folded, own, lexicon, index, earlier)
                if source is not None:  # "AP reported, citing two officials": officials via AP
                    speaker, via = source, speaker.actor_id
            here.append(Found(act, speaker, content, index, via=via, direct=direct))
            if speaker.how != "mention":
                stand_ins.append(speaker.mention)
        if not here:
            _floating(folded, found, sentence, index, quotes, sentences)
        if any(f.act.backward for f in here):  # "That's according to X": X said the last one
            found = [f for f in found if f.sentence != index - 1]
        found.extend(relays.nest(here, lexicon, own, parse))
        past = past[-60:] + own
    return _finish(folded, sentences, _unique(found), by_sentence, dates, lexicon, parse)


def _unique(found: list[Found]) -> list[Found]:
    """A quotation read twice (with no cue in its first sentence, by its cue in the next) is
    one claim: the reading by a cue wins over the one that borrowed the last speaker."""
    keep: list[Found] = []
    by_start = sorted(found, key=lambda g: g.content[0])
    starts = [g.content[0] for g in by_start]
    longest = max((g.content[1] - g.content[0] for g in found), default=0)
    for f in found:
        a, b = f.content
        # only readings that start within the longest content before `b` can overlap f
        near = by_start[bisect_left(starts, a - longest) : bisect_left(starts, b)]
        clash = [
            g
            for g in near
            if g is not f
            and g.confidence > f.confidence
            and min(b, g.content[1]) - max(a, g.content[0])
            > 0.5 * min(b - a, g.content[1] - g.content[0])
        ]
        if not clash:
            keep.append(f)
    return keep


def _named_next(
    speaker: speakers_.Speaker,
    sentences: Sequence[Sentence],
    index: int,
    by_sentence: dict[int, list[Mention]],
    lexicon: Lexicon,
) -> speakers_.Speaker | None:
    """`"..., the head of the bank's office said. Jane Doe urged ...`: the office holder is the
    person the next sentence of the paragraph opens with, named there for the first time."""
    nxt = index + 1
    if nxt >= len(sentences) or sentences[nxt].block != sentences[index].block:
        return None
    first = next(
        (m for m in sorted(by_sentence.get(nxt, []), key=lambda m: m.start) if m.kind == "actor"),
        None,
    )
    if first is None or first.via != "proposed" or lexicon.actors[first.id].kind != "person":
        return None
    if first.start - sentences[nxt].start > 2:
        return None  # the sentence opens with the name
    if any(m.id == first.id for i in range(nxt) for m in by_sentence.get(i, [])):
        return None  # named before: not introduced here
    return speakers_.Speaker(first, first.id, True, 0.5, "mention")


@dataclass(frozen=True)
class _Offsets(Parse):
    """The parse with a token's offset looked up once per doc, not once per token and block."""

    bases: dict[int, int] = field(default_factory=dict)

    def offset(self, token: Any) -> int:
        key = id(token.doc)
        if key not in self.bases:
            self.bases[key] = super().offset(token) - int(token.idx)
        return self.bases[key] + int(token.idx)


def _floating(
    folded: str,
    found: list[Found],
    sentence: Sentence,
    index: int,
    quotes: Sequence[marks.Quotation],
    sentences: Sequence[Sentence],
) -> None:
    """A quotation with no cue of its own, right after a quotation of the same paragraph or
    opening the next paragraph: a new claim of the last speaker, with a lower confidence (its
    cue is that speaker's). Otherwise it is left out. (A quotation runs to its closing mark:
    `"A," she said. "B."` are two claims.)"""
    opening = [
        q
        for q in quotes
        if sentence.start <= q.start < sentence.start + 2
        and (q.long or q.end >= sentence.end - 2)  # `"Nobody should doubt it."`: a whole sentence
    ]
    if not opening or not found:
        return
    q = opening[0]
    last = found[-1]
    span = marks.inner(folded, q)
    if span[0] < last.content[1]:
        return  # already part of the last claim
    last_block = sentences[last.sentence].block
    if last_block == sentence.block and last.direct and index - last.sentence <= 2:
        found.append(
            Found(last.act, last.speaker, span, index, last.via, direct=True, confidence=0.6)
        )
    elif sentence.block - last_block == 1:
        found.append(
            Found(last.act, last.speaker, span, index, last.via, direct=True, confidence=0.5)
        )


def _finish(
    folded: str,
    sentences: Sequence[Sentence],
    found: list[Found],
    by_sentence: dict[int, list[Mention]],
    dates: Sequence[DateMention],
    lexicon: Lexicon,
    parse: Parse,
) -> list[Attribution]:
    dates_in: dict[int, list[DateMention]] = {}
    starts = [s.start for s in sentences]
    for d in dates:
        i = bisect_right(starts, d.start) - 1
        if i >= 0 and d.start < sentences[i].end:
            dates_in.setdefault(i, []).append(d)
    claims_at: dict[int, list[Found]] = {}
    for f in found:
        claims_at.setdefault(f.sentence, []).append(f)
    out: list[Attribution] = []
    anchor: tuple[str, DateMention] | None = None
    previous: Found | None = None
    for index, sentence in enumerate(sentences):
        if index and sentences[index - 1].block != sentence.block:
            anchor = None
        sentence_dates = dates_in.get(index, [])
        here = claims_at.get(index, [])
        if not here:
            own = by_sentence.get(index, [])
            subjects = [m for m in own if m.kind == "actor" and m.independent]
            if sentence_dates and subjects and sentence_dates[0].granularity != "unknown":
                anchor = (subjects[0].id, sentence_dates[0])
            continue
        for f in here:
            speaker_id, group_conf = _group(folded, f, by_sentence.get(index, []), lexicon)
            if (
                not f.via
                and previous is not None
                and previous.via
                and previous.speaker.actor_id == speaker_id
                and previous.via != speaker_id
                and sentence.block - sentences[previous.sentence].block <= 1
                and index - previous.sentence <= 1
            ):
                f.via = previous.via  # "He referred to ..." after "..., Ukrinform reported"
            date = _claim_date(sentence_dates, f.content)
            if date is None and anchor is not None and anchor[0] == speaker_id:
                date = anchor[1]
            if date is not None:
                anchor = (speaker_id, date)
            nxt = sentences[index + 1] if index + 1 < len(sentences) else None
            actor = lexicon.actors[speaker_id]
            named = f.speaker.named and actor.kind != "unnamed"
            window = folded[sentence.start : (nxt.end if nxt is not None else sentence.end)]
            anonymous = not named and bool(_ANONYMITY.search(window))
            cue = _cue_words(folded, sentence, f)
            said_so = _ANONYMITY.search(folded, sentence.start, sentence.end)
            if anonymous and said_so:  # the cue keeps the reason the speaker is unnamed
                cue = f"{cue} ({said_so.group(0).lower()})"
            out.append(
                Attribution(
                    index,
                    cue,
                    f.act.start,
                    _cue_end(folded, sentence, f),
                    f.speaker.mention,
                    speaker_id,
                    f.via,
                    named,
                    _stance(folded, f.act.lemma, f.content),
                    _verification(folded, sentence, nxt),
                    f.content,
                    f.content,
                    date,
                    round(min(f.speaker.confidence, f.confidence) * group_conf, 2),
                    anonymous=anonymous,
                )
            )
            previous = f
    out.sort(key=lambda a: (a.content[0], a.cue_start))
    return out


def _cue_end(folded: str, sentence: Sentence, f: Found) -> int:
    end = f.act.end
    if f.act.lemma == "according":
        return end
    ext = _EXTENSION.match(folded, end, sentence.end)
    if f.act.lemma == "tell":
        ext = _TOLD_OBJECT.match(folded, end, sentence.end)
    if ext:
        end = ext.end()
        if folded[end - 1] == "." and "." not in folded[f.act.start : end - 1].split()[-1]:
            end -= 1  # the sentence's full stop, not an abbreviation's
    return end


def _cue_words(folded: str, sentence: Sentence, f: Found) -> str:
    words = folded[f.act.start : _cue_end(folded, sentence, f)]
    m = f.speaker.mention
    if (
        (m.via == "pronoun" or f.speaker.how == "unidentified")
        and m.end <= f.act.start
        and folded[m.end : f.act.start].strip() == ""
    ):
        words = f"{folded[m.start : m.end].lower()} {words}"
    return words


def _group(folded: str, f: Found, own: Sequence[Mention], lexicon: Lexicon) -> tuple[str, float]:
    """`Miriam Berger and Serhiy Morgunov write`: co-speakers with one parent -> that parent."""
    if f.speaker.how != "mention":
        return f.speaker.actor_id, 1.0
    actors = [m for m in own if m.kind == "actor"]
    speaker = f.speaker.mention
    people = [speaker.id]
    at, end = speaker.start, speaker.end
    for m in reversed([m for m in actors if m.end <= speaker.start]):
        if not re.fullmatch(r"\s*,?\s*and\s*", folded[m.end : at]):
            break
        people.append(m.id)
        at = m.start
    for m in [m for m in actors if m.start >= speaker.end]:
        if not re.fullmatch(r"\s*,?\s*and\s*", folded[end : m.start]):
            break
        people.append(m.id)
        end = m.end
    if len(people) == 1:
        return f.speaker.actor_id, 1.0
    parents = {lexicon.actors[p].parent_id for p in people}
    if len(parents) == 1 and "" not in parents:
        return parents.pop(), 0.7
    return people[0], 0.6


def _claim_date(dates: Sequence[DateMention], content: tuple[int, int]) -> DateMention | None:
    for d in dates:
        if d.granularity == "unknown":
            continue
        if not (content[0] <= d.start < content[1]):
            return d
    return None


def _verification(folded: str, sentence: Sentence, nxt: Sentence | None) -> str:
    here = folded[sentence.start : sentence.end]
    there = folded[nxt.start : nxt.end] if nxt is not None and nxt.block == sentence.block else ""
    if _VERIFY.search(here) or _VERIFY.search(there):
        return "not_independently_verified"
    if _CONFIRMED.search(here):
        return "confirmed"
    return "unknown"


def _stance(folded: str, lemma: str, content: tuple[int, int]) -> str:
    stance = cues.SPEECH.get(lemma, "asserts")
    if stance == "asserts" and _NEGATED_CONTENT.search(folded[content[0] : content[1]]):
        return "denies"
    return stance
