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
# This report maps the drone incidents and strikes the sources report — interceptions, attacks,
# drones that may have fallen on a neighbouring country — and sets side by side the claims that
# compete about them. The marker's colour and shape give the outcome the source reports; hover a
# marker for the event, who acted, the claims made about it and the verbatim evidence.

# %% tags=["parameters"]
region: str = ""  # country of the incidents' places, ISO 3166-1 alpha-3 ("ROU"); empty: all
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import analysis
from analysis.charts.maps import incident_map
from analysis.present import prose, table
from analysis.topics import incidents as topic

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
found = topic.incidents(data.events, data.claims, data.actors, data.places, region=region)
unmapped = topic.not_on_map(found)
prose(
    "{n} incident(s) in {where}, coded from {k} source(s): {m} on the map, {d} disputed.",
    n=len(found), where=topic.parse_region(region) or "all regions", k=len(data.sources),
    m=len(found) - len(unmapped), d=int(found["disputed"].sum()),
)

# %% [markdown]
# ## Map of incidents by outcome
#
# Filled markers are incidents reported as having happened; an open marker is one the source only
# calls possible. A thick black outline marks an incident whose outcome is disputed. Markers sit
# at the place the source names, drawn at its centre: a country-wide place (such as "Romanian
# territory") is drawn in the middle of the country and says nothing about where in it the
# incident was. The map is drawn offline from Natural Earth outlines.

# %%
fig = incident_map(found, title="Drone incidents and strikes, by reported outcome")
fig.show()

# %%
table(
    found,
    caption="Incidents",
    columns={
        "place": "Place", "precision": "Placed at", "outcome": "Outcome", "status": "Status",
        "summary": "Incident", "who": "Who", "date_text": "When (source's words)",
        "claims_said": "Claims about it", "quote": "Evidence (verbatim)",
        "source_id": "Source", "quote_start": "Start", "quote_end": "End",
    },
)

# %%
prose("{n} incident(s) have no place the map can show; they are listed here.", n=len(unmapped))

# %%
table(unmapped, caption="Incidents not on the map",
      columns={"summary": "Incident", "who": "Who", "quote": "Evidence (verbatim)",
               "source_id": "Source", "quote_start": "Start", "quote_end": "End"})

# %% [markdown]
# ## Competing claims
#
# Each row is a pair of claims that dispute each other about an incident: on the left the claim
# that asserts, on the right the one that denies or questions it. Both quotes are verbatim, with
# their offsets in the source.

# %%
pairs = topic.competing_claims(data.claims, data.actors, found)
table(
    pairs,
    caption="Claims that dispute each other",
    columns={
        "incident": "Incident", "a_speaker": "Speaker", "a_cue": "Says",
        "a_quote": "Claim (verbatim)", "a_start": "Start", "a_end": "End",
        "b_speaker": "Disputed by", "b_cue": "Says", "b_quote": "Counter-claim (verbatim)",
        "b_start": "Start", "b_end": "End", "source_id": "Source",
    },
)

# %% [markdown]
# Every claim made about the incidents, disputed or not:

# %%
table(
    topic.incident_claims(data.claims, data.actors, found),
    caption="All claims about the incidents",
    columns={
        "incident": "Incident", "speaker": "Speaker", "stance": "Stance", "cue": "Cue",
        "reporter_verification": "Verified by the reporter", "content": "Claim",
        "quote": "Evidence (verbatim)", "source_id": "Source", "quote_start": "Start",
        "quote_end": "End",
    },
)

# %% [markdown]
# **What this can and cannot say.** The map shows what the sources report, at the precision of
# the places they name: districts and regions at their centre, a country at its middle. An outcome
# is the source's or a party's account ("intercepted" is what the defence ministry said), not an
# independent finding; the reporters verified none of these claims. Competing claims are paired
# only where the coding links them (a claim that disputes another); a party's silence is not a
# denial. Incidents are coded from the sources selected — with one source, one article's account
# of one night.
