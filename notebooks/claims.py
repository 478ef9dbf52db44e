# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Claims and verification
#
# Who said what in the reporting, through which outlet, and what the reporter checked. Every claim is a sentence of a source that attributes words or a view to someone: a named official, an unnamed one, a ministry, a news agency. For each, the analyst recorded the speaker, whether the source names them, the outlet that relays the claim (if any), the reporting verb, the stance (asserts, denies, predicts, questions) and whether the reporter says they verified it. Hover any mark to read the verbatim sentence, who said it and where it sits in the source.

# %% tags=["parameters"]
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import analysis
from analysis.charts.claims import dispute_chart, sourcing_chart, speaker_chart
from analysis.present import prose, table
from analysis.topics.claims import (
    STANCES,
    VERIFICATIONS,
    claim_records,
    count_by,
    disputed_pairs,
    pairs_side_by_side,
    sourcing_mix,
    speaker_counts,
)

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
records = claim_records(data.claims, data.actors)
named = count_by(records, "named", order=("named", "not named")).set_index("named")["claims"]
checked = count_by(records, "reporter_verification", order=VERIFICATIONS).set_index(
    "reporter_verification")["claims"]
prose(
    "{n} claims by {speakers} speakers in {k} source(s). The source names the speaker of "
    "{named} and does not name the speaker of {unnamed}; {relayed} are relayed through "
    "another outlet. The reporter says they confirmed {confirmed}, could not independently "
    "verify {niv}, and says nothing either way about {unknown}.",
    n=len(records), speakers=records["speaker_id"].nunique(), k=records["source_id"].nunique(),
    named=named["named"], unnamed=named["not named"],
    relayed=int((records["channel"] != "direct").sum()), confirmed=checked["confirmed"],
    niv=checked["not_independently_verified"], unknown=checked["unknown"],
)

# %% [markdown]
# ## Who said what, through which outlet
#
# One row per speaker, and a separate row when the speaker's words reach the source through another outlet (*Dmytro Kuleba via Ukrinform*: the source cites Ukrinform for what Kuleba said). Each segment of a bar is one claim, coloured by its stance; **hatched** segments are claims whose speaker the source does not name (anonymous officials, or a speaker the analyst inferred). A news agency reporting on its own account is its own row, not *via* itself.

# %%
fig = speaker_chart(records, title="Who said what, and through which outlet")
fig.show()

# %%
table(
    speaker_counts(records),
    caption="Claims per speaker and outlet, by stance",
    columns={"speaker": "Speaker", "via": "Via outlet", "named": "Named in the source",
             **{s: s.capitalize() for s in STANCES}, "total": "Claims"},
)

# %%
table(
    records,
    caption="Every claim, in the order of the source text",
    columns={"speaker": "Speaker", "named": "Named", "via": "Via", "cue": "Cue",
             "stance": "Stance", "reporter_verification": "Reporter's verification",
             "quote": "Quote (verbatim)", "source_id": "Source", "quote_start": "Start",
             "quote_end": "End", "claim_id": "Claim id"},
)

# %% [markdown]
# ## The sourcing mix
#
# The same claims grouped by *how* they are sourced: the kind of speaker (person, state, organization, media, unnamed group ...), whether the source names them, and the channel (*direct*: the source reports the speaker itself; otherwise the outlet it cites). Colour shows what the reporter says about verification: *confirmed*, *not independently verified*, or *unknown* when the text says nothing about it, which is the usual case.

# %%
fig = sourcing_chart(records, title="The sourcing mix: kind of speaker, named or not, channel")
fig.show()

# %%
table(
    sourcing_mix(records),
    caption="Claims by kind of speaker, naming, channel and reporter verification",
    columns={"speaker_kind": "Kind of speaker", "named": "Named", "channel": "Channel",
             "reporter_verification": "Reporter's verification", "claims": "Claims"},
)

# %%
table(
    count_by(records, "named", order=("named", "not named")),
    caption="Named and unnamed speakers",
    columns={"named": "Speaker", "claims": "Claims", "percent": "Share (%)"},
)

# %%
table(
    count_by(records, "reporter_verification", order=VERIFICATIONS),
    caption="What the reporter says about verification",
    columns={"reporter_verification": "Reporter's verification", "claims": "Claims",
             "percent": "Share (%)"},
)

# %% [markdown]
# ## Disputed claims
#
# Claims that contradict each other, as linked pairs: on the left the claim, on the right the claim that contests it, joined by a line. Rows are named after the event the two claims are about. An **open** marker means the source does not name that speaker. A claim disputed by two others appears in two pairs.

# %%
pairs = disputed_pairs(records, data.events)
fig = dispute_chart(pairs, title="Disputed claims, side by side")
fig.show()

# %%
table(
    pairs_side_by_side(pairs),
    caption="Disputed claims: each pair with both quotes",
    columns={"about": "About", "speaker_a": "Speaker", "quote_a": "Claim (verbatim)",
             "speaker_b": "Contested by", "quote_b": "Counter-claim (verbatim)",
             "source_id_a": "Source", "quote_start_a": "Start", "quote_end_a": "End",
             "quote_start_b": "Start (counter)", "quote_end_b": "End (counter)"},
)

# %% [markdown]
# **What this can and cannot say.** These are the claims of the sources listed above (so far one article, The Washington Post's live updates of 5 September 2023), coded by an analyst: who counts as the speaker, whether a sentence is one claim or two, and what it is *about* are coding choices, documented in the annotation file. *Not named* is about the text, not the person: a speaker the analyst inferred (a state behind an accusation) is marked not named. *Unknown* verification means the reporter says nothing about checking the claim; it does not mean the claim is false, and *confirmed* would mean only that the reporter says so. A dispute is recorded only where the text sets two claims against each other. Counts from one article describe how that article is sourced, not how the war is reported.
