"""The spaCy pipeline of ingest: blank English with a sentencizer; imported and built on first use.

spaCy is imported here only, inside functions, so `newsbrief validate` and the build never pay
for it. The pipeline is rule-based: it needs no statistical model and downloads nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def blank() -> Any:
    """spaCy's blank English pipeline with a rule-based sentencizer (no model, no download)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def phrase_matcher(patterns: dict[str, list[str]]) -> Any:
    """A PhraseMatcher (exact token text) over folded surface forms, one rule per label."""
    from spacy.matcher import PhraseMatcher

    nlp = blank()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, forms in patterns.items():
        if forms:
            matcher.add(label, list(nlp.tokenizer.pipe(forms)))
    return matcher
