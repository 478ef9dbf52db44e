"""The sense of an event predicate (PLOVER type, mode, contexts) and the lexicon's helpers."""

from __future__ import annotations

from dataclasses import dataclass

MIL, DIP, ECO, LEG = ("military",), ("diplomatic",), ("economic",), ("legal",)


@dataclass(frozen=True)
class Sense:
    """The event a predicate reports: PLOVER type, mode, contexts and outcome."""

    type: str
    mode: str = ""
    contexts: tuple[str, ...] = ()
    outcome: str = ""
    #: the event needs a second party in the text ("discussed X with Y", "X and Y discussed"):
    #: "discussed the plan" alone is no consultation
    partner: bool = False
    #: a speech act or commitment that carries what it is about in its infinitive ("threatened
    #: to strike", "pledged to send"): the infinitive is its content, not a second event
    absorbs: bool = False
    #: the subject receives the act from the party of its `from` phrase ("Kyiv received 20
    #: tanks from Berlin": Berlin aids Kyiv)
    received: bool = False


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def s(type_: str, mode: str = "", contexts: tuple[str, ...] = (), **kw: object) -> Sense:
    return Sense(type_, mode, contexts, **kw)  # type: ignore[arg-type]
