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
# # Actor network
#
# Who is tied to whom in the reporting. Each circle is an actor (a person, state, ministry, outlet or group) with at least one record, sized by how many records involve it (events as actor or recipient, claims as speaker or relaying outlet, positions) and coloured by the country it belongs to or speaks for. A line joins two actors when a record links them: an event (one acts on the other, or both act together) or a claim (a speaker talks about the actors of an event, or speaks through an outlet). Thicker lines have more records; each small diamond on a line is one record; hover it to read the quote.

# %% tags=["parameters"]
center: str = ""  # actor id to centre on, e.g. "romania" (empty: the whole network)
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import analysis
from analysis.charts.network import country_colors, network_chart
from analysis.present import prose, table
from analysis.topics.network import network

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
whole = network(data.events, data.claims, data.positions, data.actors)
net = network(data.events, data.claims, data.positions, data.actors, center=center)
colors = country_colors(whole.nodes)
focus = net.nodes.loc[net.nodes["is_center"], "name"]
title = f"Who is tied to {focus.iloc[0]}" if center else "Who is tied to whom"
prose(
    "{scope}: {n} actors and {m} ties, made by {r} records (events and claims) of "
    "{k} source(s).",
    scope=f"Ego network of {focus.iloc[0]} (the actor and every actor one tie away)"
    if center else "The whole network",
    n=len(net.nodes), m=len(net.edges), r=net.evidence["record_id"].nunique(),
    k=data.sources["source_id"].nunique(),
)

# %% [markdown]
# The layout is computed, not drawn by hand: actors that share records are pulled together and all others pushed apart, from a fixed seed, so the same data always gives the same picture. Distance means only *more or less directly linked*; the axes have no scale. With a centre, the chosen actor sits in the middle, ringed, and its neighbours on a circle, the most strongly tied first, clockwise from the top; lines between neighbours are kept. Colours are the same as in the whole network: the eight countries with most records get their own colour, the rest are grey (*other*), and light grey marks actors of no single country (international organizations, unnamed or multinational groups).

# %%
fig = network_chart(net.nodes, net.edges, net.evidence, net.records, title=title,
                    colors=colors)
fig.show()

# %%
table(
    net.edges,
    caption="Ties, strongest first",
    columns={"u_name": "Actor", "v_name": "Actor", "weight": "Records", "events": "Events",
             "claims": "Claims", "relations": "How", "record_ids": "Record ids"},
)

# %%
table(
    net.nodes,
    caption="Actors in the chart, most records first",
    columns={"name": "Actor", "kind": "Kind", "country_iso3": "Country", "events": "Events",
             "claims": "Claims", "positions": "Positions", "records": "Records",
             "neighbours": "Linked actors"},
)

# %%
table(
    net.evidence,
    caption="Evidence: every record that ties two actors",
    columns={"from_name": "From", "relation": "Relation", "to_name": "To",
             "record_id": "Record", "speaker": "Said by", "quote": "Quote (verbatim)",
             "source_id": "Source", "quote_start": "Start", "quote_end": "End"},
)

# %% [markdown]
# **What this can and cannot say.** A tie means that a record of these sources (so far one article) links two actors; it does not measure an alliance, hostility or how often the two deal with each other. Which actors a record links is a coding choice: an event ties its actors to its recipients and to each other; a claim ties its speaker to the actors of the event it is about and to the outlet relaying it. Ties of belonging (a minister to a ministry, a ministry to its state) are *not* drawn: they are in the registry, not in the reporting, and would pull every actor towards its state. Sizes count records in one article, which reflects what the article chose to cover. An actor absent here has no record in these sources.
