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
# This briefing is the front page of the coded reporting: the headline figures, every event the
# sources report placed on a timeline by topic, who appears most often, and where the events are.
# Every mark on a chart is one coded record; hover it to read the verbatim sentence of the source it
# was coded from, with the source's id and the character offsets of the quote. Under each chart the
# same data is listed as a table.

# %% tags=["parameters"]
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)
date_from: str = ""  # first day to include, ISO 8601 (e.g. "2023-09-01"; empty: no lower bound)
date_to: str = ""  # last day to include, ISO 8601 (e.g. "2023-09-05"; empty: no upper bound)
top_actors: int = 12  # how many actors "who appears most" shows

# %%
import analysis
from analysis.charts.maps import places_map
from analysis.charts.signals import record_bars
from analysis.charts.timeline import event_timeline_chart
from analysis.present import prose, table
from analysis.topics import briefing

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
events = data.events[briefing.in_period(data.events, date_from=date_from, date_to=date_to)]
claims = data.claims[briefing.in_period(data.claims, date_from=date_from, date_to=date_to)]
prose(
    "Coded from {k} source(s): {titles}. Period shown: {start} to {end}; events and claims "
    "the sources do not date are kept whatever the period.",
    k=len(data.sources), titles="; ".join(data.sources["publisher"] + ", “" + data.sources["title"]
                                          + "” (" + data.sources["published_at"] + ")"),
    start=date_from or "the earliest date", end=date_to or "the latest date",
)

# %% [markdown]
# ## Headline figures
#
# Counts of what was coded in the selected sources and period. The shares of claims say how the
# sources attribute what they report: a claim "not independently verified" is one the reporter
# says they could not check; an "unnamed speaker" is someone the source does not name (for
# example officials speaking on condition of anonymity).

# %%
table(
    briefing.headline_figures(data.sources, events, claims),
    caption="Headline figures",
    columns={"figure": "Figure", "value": "Value", "note": "What it counts"},
)

# %% [markdown]
# ## Timeline of events by topic
#
# Each band is a topic; an event coded under two topics appears in both bands. A **marker** is an
# event the source dates to a day; a **bar** spans the week, month or year the source gives ("in
# July" is the whole of July). Filled blue marks are things that happened; **hatched orange bars and
# open orange circles are planned** (scheduled, expected); open purple diamonds are only possible
# (proposed, discussed); a grey cross is reported as *not* having happened. Use the buttons above
# the chart to zoom to the last months, or drag across the chart to zoom in.

# %%
timeline = briefing.event_timeline(events, data.actors, data.places)
fig = event_timeline_chart(timeline, title="Every dated event, by topic")
fig.show()

# %%
table(
    timeline,
    caption="Dated events by topic (an event under two topics is listed twice)",
    columns={
        "topic_label": "Topic", "dates": "Dates", "granularity": "Known to the",
        "date_text": "Words of the source", "status": "Status", "summary": "Event",
        "who": "Who", "place": "Place", "quote": "Evidence (verbatim)", "source_id": "Source",
        "quote_start": "Start", "quote_end": "End",
    },
)

# %%
undated = briefing.undated_events(events, data.actors, data.places)
prose(
    "<b>Undated events.</b> {n} of the {total} events have no date in the source (\"overnight\", "
    "or no time words at all), so they cannot be placed on the timeline and are listed below "
    "instead. They are kept whatever period is chosen.",
    n=len(undated), total=len(events),
)

# %%
table(
    undated,
    caption="Events the sources do not date",
    columns={
        "topics": "Topics", "status": "Status", "summary": "Event", "who": "Who",
        "place": "Place", "quote": "Evidence (verbatim)", "source_id": "Source",
        "quote_start": "Start", "quote_end": "End",
    },
)

# %% [markdown]
# ## Who appears most
#
# Each bar is one actor; each segment of a bar is one record: an event in which the actor acts or
# is acted upon, or a claim the actor makes. Outlets a claim is relayed through are not counted
# here. States, their leaders and their ministries are separate actors.

# %%
appear = briefing.appearances(events, claims, data.actors, top=top_actors)
fig = record_bars(appear, y="actor", color="record", title="Who appears most: events and claims",
                  labels={"x": "Number of events and claims"})
fig.show()

# %%
table(
    briefing.appearance_counts(appear),
    caption="Actors by number of events and claims",
    columns={"actor": "Actor", "n_events": "Events", "n_claims": "Claims",
             "n_records": "Total"},
)

# %% [markdown]
# ## Places mentioned
#
# Each marker is a place where at least one event happened or is to happen; its size grows with
# the number of events there. Hover a marker for the events and their evidence. Places that are
# whole countries or regions are drawn at their centre: such a marker says *somewhere in that
# country*, not where exactly (see the precision column of the table). Places close to a labelled
# one are left unlabelled; hover them or read the table.

# %%
places = briefing.places_mentioned(events, data.places, data.actors)
fig = places_map(places, title="Where the events take place")
fig.show()

# %%
table(
    places,
    caption="Events by place",
    columns={
        "place": "Place", "precision": "Precision", "coord_note": "Coordinates from",
        "summary": "Event", "quote": "Evidence (verbatim)", "source_id": "Source",
        "quote_start": "Start", "quote_end": "End",
    },
)

# %% [markdown]
# ## Other reports
#
# - [Grain deal: where actors stand](grain_positions.html)
# - [Arms-cooperation signals between Russia and North Korea](arms_signals.html)
# - [Security incidents: drone strikes and competing claims](security_incidents.html)
# - [Claims: who says what, and who disputes it](claims.html)
# - [Actor network](actor_network.html)
# - [All reports and the actor profiles](index.html)

# %% [markdown]
# **What this can and cannot say.** These figures count what the coded sources report, not what
# happened: an event appears here because a source reports it, once per source. With one source,
# every figure is that article's selection of the day's news. Events, their dates, status and
# topics are an analyst's coding of the text; dates are as precise as the source's words allow ("in
# July" is a month, "overnight" is undated), and a "planned" event is a plan that was reported, not
# one that took place. "Who appears most" counts mentions in coded records, not importance. The
# map places countries and regions at their centres.
