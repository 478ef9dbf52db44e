"""Who said what: reporting cues, their speakers, the outlet relayed through, and verification.

Per sentence, a reporting cue ("said", "told reporters", "wrote on Facebook", "according to",
"denied", "dismissed claims") is found with a regular expression and its speaker among the
sentence's mentions:
- `X said ...`, `X, a ... spokeswoman, said ...` (an appositive is skipped), `X and Y write`
  (co-authors with one parent: the parent speaks, e.g. the outlet for two bylined reporters);
- `..., X said.` and `..., said X.`; `according to X`; `..., stating that ...` (the subject);
- pronouns and "the ministry" were resolved by mentions.
An outlet's own cue ("..., Ukrinform reported", "told The Washington Post") makes the outlet the
claim's `via`; when the outlet is the only speaker it is both speaker and via. "could not
independently verify" in the sentence or the next one marks the claim not verified.
A claim's date is a date in the attribution ("said last week that", "told reporters Monday"),
not in what was said; otherwise the date the same speaker was last placed at in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.ingest.dates import DateMention
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.mentions import Mention
from analysis.ingest.parse import Parse
from analysis.ingest.segment import Sentence

STANCE_OF: dict[str, str] = {
    "said": "asserts",
    "says": "asserts",
    "say": "asserts",
    "told": "asserts",
    "tells": "asserts",
    "added": "asserts",
    "adds": "asserts",
    "stated": "asserts",
    "stating": "asserts",
    "saying": "asserts",
    "adding": "asserts",
    "wrote": "asserts",
    "writes": "asserts",
    "write": "asserts",
    "reported": "asserts",
    "reports": "asserts",
    "announced": "asserts",
    "claimed": "asserts",
    "insisted": "asserts",
    "argued": "asserts",
    "noted": "asserts",
    "confirmed": "asserts",
    "acknowledged": "asserts",
    "alleged": "asserts",
    "accused": "asserts",
    "condemned": "asserts",
    "reiterated": "asserts",
    "repeated": "asserts",
    "referred to": "asserts",
    "described": "asserts",
    "according to": "asserts",
    "posted": "asserts",
    "warned": "predicts",
    "expects": "predicts",
    "expect": "predicts",
    "predicted": "predicts",
    "pledged": "predicts",
    "promised": "predicts",
    "vowed": "predicts",
    "denied": "denies",
    "denies": "denies",
    "deny": "denies",
    "dismissed": "denies",
    "rejected": "denies",
    "refuted": "denies",
    "questioned": "questions",
    "doubted": "questions",
}
_VERBS = "|".join(sorted((re.escape(v) for v in STANCE_OF), key=len, reverse=True))
_CUE = re.compile(rf"\b(?P<verb>{_VERBS})\b")
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
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|reportedly|so|that's)\s*-?\s*$")
_GAP_OK = re.compile(r"^\s*(?:[\w'-]+\s+){0,4}$")
_NOT_IN_GAP = re.compile(r"\b(?:that|which|who|and|but|when|while|if|because|as|to|the|a|an)\b")
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
_OPENS_QUOTE = re.compile(r"^[\"']")
_QUOTED = re.compile(r"\"[^\"]*(?:\"|$)")
_STOP = re.compile(r"[,;:]")


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
    quote: tuple[int, int]  # the claim's quote: the sentence (and its continuation)
    date: DateMention | None
    confidence: float


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    verb: str
    text: str
    speaker: Mention | None
    inverted: bool


def _cues(folded: str, sentence: Sentence, mentions: Sequence[Mention]) -> list[_Cue]:
    out: list[_Cue] = []
    quoted = [
        (sentence.start + q.start(), sentence.start + q.end())
        for q in _QUOTED.finditer(folded[sentence.start : sentence.end])
    ]
    for m in _CUE.finditer(folded, sentence.start, sentence.end):
        verb = m.group("verb")
        if out and m.start() < out[-1].end:
            continue  # inside the previous cue ("denied reports")
        if any(a < m.start() < b for a, b in quoted):
            continue  # words inside a quotation are the speaker's, not cues
        before = folded[max(sentence.start, m.start() - 12) : m.start()]
        if _PASSIVE.search(before):
            continue
        end = m.end()
        ext = _EXTENSION.match(folded, end, sentence.end)
        if verb == "told":
            ext = _TOLD_OBJECT.match(folded, end, sentence.end)
        if ext:
            end = ext.end()
            if folded[end - 1] == "." and "." not in folded[m.start() : end - 1].split()[-1]:
                end -= 1  # the sentence's full stop, not an abbreviation's
        if verb == "referred to" and not re.search(r"\bas\b", folded[end : sentence.end]):
            continue
        out.append(_Cue(m.start(), end, verb, folded[m.start() : end], None, False))
    return out


def _speaker(
    folded: str, sentence: Sentence, cue: _Cue, mentions: Sequence[Mention], lexicon: Lexicon
) -> tuple[Mention | None, bool, float]:
    """The mention that speaks for a cue, whether the order is inverted, and a confidence."""
    actors = [m for m in mentions if m.kind == "actor"]
    if cue.verb == "according to":
        after = [m for m in actors if cue.end <= m.start <= cue.end + 6]
        return (after[0], True, 0.8) if after else (None, False, 0.0)
    before_text = folded[sentence.start : cue.start].rstrip()
    if before_text.endswith((",", ',"', ",'")):
        after = [m for m in actors if cue.end <= m.start <= cue.end + 5 and m.independent]
        if after:  # "..., said Putin."
            return after[0], True, 0.8
        if cue.verb in ("stating", "saying", "adding"):
            subject = [m for m in actors if m.independent and m.start < cue.start]
            return (subject[0], False, 0.7) if subject else (None, False, 0.0)
    candidates = [m for m in actors if m.end <= cue.start and m.independent]
    for m in reversed(candidates):
        gap = folded[m.end : cue.start]
        app = re.match(r"^,\s+(?:a|an|the|its|his|her|their)\s[^,.;:]{1,90},", gap)
        if app:
            gap = gap[app.end() :]
        if _GAP_OK.match(gap) and not _NOT_IN_GAP.search(gap):
            inverted = bool(re.search(r",[\"']?\s*(?:the\s+)?$", folded[sentence.start : m.start]))
            return m, inverted, 0.8 if m.via in ("registry", "title", "possessive") else 0.6
        break
    return None, False, 0.0


def _group(
    folded: str, speaker: Mention, mentions: Sequence[Mention], lexicon: Lexicon
) -> tuple[str, float]:
    """`Miriam Berger and Serhiy Morgunov write`: co-speakers with one parent -> that parent."""
    people = [speaker]
    at = speaker.start
    for m in reversed([m for m in mentions if m.kind == "actor" and m.end <= speaker.start]):
        if re.fullmatch(r"\s*,?\s*and\s*", folded[m.end : at]):
            people.append(m)
            at = m.start
        else:
            break
    if len(people) == 1:
        return speaker.id, 1.0
    parents = {lexicon.actors[p.id].parent_id for p in people}
    if len(parents) == 1 and "" not in parents:
        return parents.pop(), 0.7
    return people[-1].id, 0.6


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
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    dates_in: dict[int, list[DateMention]] = {}
    for d in dates:
        for i, s in enumerate(sentences):
            if s.start <= d.start < s.end:
                dates_in.setdefault(i, []).append(d)
                break
    out: list[Attribution] = []
    anchor: tuple[str, DateMention] | None = None
    for index, sentence in enumerate(sentences):
        if index and sentences[index - 1].block != sentence.block:
            anchor = None
        own = sorted(by_sentence.get(index, []), key=lambda m: m.start)
        found: list[tuple[_Cue, Mention, bool, float]] = []
        for cue in _cues(folded, sentence, own):
            speaker, inverted, conf = _speaker(folded, sentence, cue, own, lexicon)
            if speaker is not None:
                found.append((cue, speaker, inverted, conf))
        sentence_dates = dates_in.get(index, [])
        if not found:
            subjects = [m for m in own if m.kind == "actor" and m.independent]
            if sentence_dates and subjects and sentence_dates[0].granularity != "unknown":
                anchor = (subjects[0].id, sentence_dates[0])
            continue
        media = [f for f in found if lexicon.actors[f[1].id].kind == "media"]
        others = [f for f in found if lexicon.actors[f[1].id].kind != "media"]
        relay = media[0][1].id if media and others else ""
        for cue, speaker, inverted, conf in others or media[:1]:
            speaker_id, group_conf = _group(folded, speaker, own, lexicon)
            via = relay
            if not others:
                via = speaker_id
            told = re.match(r"told (?:the )?(.+)$", cue.text)
            if told:
                objects = [
                    m
                    for m in own
                    if cue.start < m.start < cue.end
                    and m.kind == "actor"
                    and lexicon.actors[m.id].kind == "media"
                ]
                if objects:
                    via = objects[0].id
            content = _content(folded, sentence, cue, speaker, inverted)
            date = _claim_date(sentence_dates, content, sentence)
            if date is None and anchor is not None and anchor[0] == speaker_id:
                date = anchor[1]
            if date is not None:
                anchor = (speaker_id, date)
            quote_end = sentence.end
            nxt = sentences[index + 1] if index + 1 < len(sentences) else None
            if (
                nxt is not None
                and nxt.block == sentence.block
                and _OPENS_QUOTE.match(folded[nxt.start : nxt.end])
                and not _cues(folded, nxt, by_sentence.get(index + 1, []))
            ):
                quote_end = nxt.end
            verification = _verification(folded, sentence, nxt)
            actor = lexicon.actors[speaker_id]
            named = speaker.named and actor.kind != "unnamed"
            cue_words = cue.text
            if (
                speaker.via == "pronoun"
                and speaker.end <= cue.start
                and folded[speaker.end : cue.start].strip() == ""
            ):
                cue_words = f"{folded[speaker.start : speaker.end].lower()} {cue.text}"
            out.append(
                Attribution(
                    index,
                    cue_words,
                    cue.start,
                    cue.end,
                    speaker,
                    speaker_id,
                    via,
                    named,
                    _stance(folded, cue, content),
                    verification,
                    content,
                    (sentence.start, quote_end),
                    date,
                    round(min(conf, speaker.confidence) * group_conf, 2),
                )
            )
    return out


def _content(
    folded: str, sentence: Sentence, cue: _Cue, speaker: Mention, inverted: bool
) -> tuple[int, int]:
    """What was said: after the cue (`said that ...`), or before the speaker (`..., X said`)."""
    if inverted or speaker.start > cue.end:
        end = min(speaker.start, cue.start)
        head = folded[sentence.start : end].rstrip(" ,\"'")
        return sentence.start, sentence.start + len(head)
    start = cue.end
    m = re.match(
        r"^(?:\s+(?:that|on \w+|last week|this week|Monday|Tuesday|Wednesday|"
        r"Thursday|Friday|Saturday|Sunday|\w+ly))*[\s:,]*",
        folded[start : sentence.end],
    )
    if m:
        start += m.end()
    end = sentence.end
    if STANCE_OF.get(cue.verb) == "predicts" or cue.verb in ("reiterated", "repeated"):
        stop = _STOP.search(folded, start, sentence.end)
        if stop:
            end = stop.start()
    return start, end


def _claim_date(
    dates: Sequence[DateMention], content: tuple[int, int], sentence: Sentence
) -> DateMention | None:
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


_NEGATED_CONTENT = re.compile(
    r"^\W*(?:there (?:is|are|was|were) no|(?:it|they|he|she|we) "
    r"(?:did|do|does|was|were|is|are) not|no one|nothing)\b",
    re.IGNORECASE,
)


def _stance(folded: str, cue: _Cue, content: tuple[int, int]) -> str:
    stance = STANCE_OF.get(cue.verb, "asserts")
    if stance == "asserts" and _NEGATED_CONTENT.search(folded[content[0] : content[1]]):
        return "denies"
    return stance
