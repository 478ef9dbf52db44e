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
# # Actor profile
#
# One actor as the reporting shows them: who they are (from the project's registry), the events they take part in, the claims they make, relay or are the subject of, the positions they take, and the actors they are tied to. Every chart mark and table row comes with the verbatim sentence of the source it was coded from.

# %% tags=["parameters"]
actor_id: str = "vladimir_putin"  # actor to profile (an id of data/registry/actors.yaml)
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import analysis
from analysis.charts.network import country_colors, network_chart
from analysis.charts.profiles import timeline_chart
from analysis.present import prose, table
from analysis.topics.network import network, neighbours
from analysis.topics.profiles import (
    actor_claims,
    actor_events,
    actor_positions,
    actor_role,
    actor_timeline,
)

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
role = actor_role(data.actors, actor_id=actor_id)
name = role.set_index("field").loc["Name", "value"]
events = actor_events(data.events, data.actors, actor_id=actor_id)
claims = actor_claims(data.claims, data.events, data.actors, actor_id=actor_id)
positions = actor_positions(data.positions, data.issues, actor_id=actor_id)
prose(
    "<b>{name}</b> in {k} source(s): {e} event(s) as actor or recipient, {made} "
    "claim(s) made, {relayed} relayed as an outlet, {about} about events they take part "
    "in, {p} position(s) on issues.",
    name=name, e=len(events), made=int((claims["relation"] == "made").sum()),
    relayed=int((claims["relation"] == "relayed").sum()),
    about=int((claims["relation"] == "about them").sum()), p=len(positions),
    k=data.sources["source_id"].nunique(),
)

# %%
table(role, caption=f"Who {name} is (registry)", columns={"field": "", "value": ""})

# %% [markdown]
# ## Timeline
#
# The actor's records that carry a date, earliest at the top: events they act in or are acted upon, and claims they make, relay or that concern them. A record dated only to a week, month or year (*in 2019*, *this month*) is drawn as a bar over that period, its marker at the start. Many records in news reporting carry no date at all; they are counted below and listed in the tables, not placed on the timeline.

# %%
timeline = actor_timeline(events, claims)
fig = timeline_chart(timeline, title=f"{name}: dated records")
fig.show()

# %%
table(
    timeline,
    caption=f"Dated records of {name}, earliest first",
    columns={"date_start": "From", "date_end": "To", "date_granularity": "Known to the",
             "role": "Record", "label": "What", "speaker": "Said by",
             "quote": "Quote (verbatim)", "source_id": "Source", "quote_start": "Start",
             "quote_end": "End"},
)

# %%
prose(
    "{u} of {n} events and claims about {name} carry no date and are not on the timeline.",
    u=len(events) + len(claims) - len(timeline), n=len(events) + len(claims), name=name,
)

# %% [markdown]
# ## Events

# %%
table(
    events,
    caption=f"Events {name} takes part in ({len(events)}), in the order of the source",
    columns={"role": "Role", "event_type": "Type", "status": "Status", "date_text": "When",
             "summary": "Summary", "others": "With", "quote": "Quote (verbatim)",
             "source_id": "Source", "quote_start": "Start", "quote_end": "End"},
)

# %% [markdown]
# ## Claims
#
# *Made*: the actor is the speaker. *Relayed*: the actor is the outlet through which the source reports someone else's words. *About them*: the claim concerns an event the actor takes part in.

# %%
table(
    claims,
    caption=f"Claims made, relayed by or about {name} ({len(claims)})",
    columns={"relation": "Relation", "speaker": "Speaker", "cue": "Cue", "stance": "Stance",
             "reporter_verification": "Reporter's verification", "quote": "Quote (verbatim)",
             "source_id": "Source", "quote_start": "Start", "quote_end": "End"},
)

# %% [markdown]
# ## Positions

# %%
table(
    positions,
    caption=f"Positions of {name} on issues ({len(positions)})",
    columns={"issue": "Issue", "stance": "Stance (−2..+2)", "position": "Position",
             "conditions": "Conditions", "quote": "Quote (verbatim)", "source_id": "Source",
             "quote_start": "Start", "quote_end": "End"},
)

# %% [markdown]
# ## Neighbours
#
# The actors one tie away in the actor network (see the *Actor network* report for how ties are made): the profiled actor in the middle, its neighbours around it, the most strongly tied first, clockwise from the top. Hover a diamond on a line to read the record behind the tie.

# %%
whole = network(data.events, data.claims, data.positions, data.actors)
ego = network(data.events, data.claims, data.positions, data.actors, center=actor_id)
fig = network_chart(ego.nodes, ego.edges, ego.evidence, ego.records,
                    title=f"Who {name} is tied to", colors=country_colors(whole.nodes))
fig.show()

# %%
table(
    neighbours(ego, actor_id=actor_id),
    caption=f"Actors tied to {name}, strongest tie first",
    columns={"name": "Actor", "weight": "Records", "relations": "How",
             "record_ids": "Record ids"},
)

# %% [markdown]
# **What this can and cannot say.** This is the actor *as these sources report them* (so far one article): the registry entry gives their office as of the source, and an empty section means the sources hold no such record, not that none exists. Roles are coding choices: an actor *acts* in an event when the text presents them as doing it, and a claim is *about them* when it concerns an event they take part in, which may include claims they never heard of. Dates are those the text gives, resolved against the publication date; most sentences give none.
