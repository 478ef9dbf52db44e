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
# This report gathers the signals of military cooperation between two states that the sources
# report — leaders' meetings planned, letters exchanged, military exercises proposed, weapons
# supply discussed — and weighs each by how it is sourced: a named official on the record counts
# more than anonymous officials, who count more than another outlet's report the source could not
# verify. Plans that are only possible, and signals no date can be given for, are discounted. The
# weights are an analyst's choice and are listed below; hover any marker for the evidence.

# %% tags=["parameters"]
states: str = "russia;north_korea"  # the pair of state actor ids, separated by ";"
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import analysis
from analysis.charts.signals import record_bars, signal_index_chart, signal_timeline_chart
from analysis.present import prose, table
from analysis.topics import signals as topic
from analysis.topics.common import names

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
pair = topic.parse_states(states, data.actors)
name = names(data.actors)
pair_name = f"{name[pair[0]]} and {name[pair[1]]}"
found = topic.signals(data.events, data.claims, data.actors, data.sources, states=pair)
index = topic.signal_index(found)
prose(
    "{n} signal(s) of cooperation between {pair} in {k} source(s), {p} of them a precedent "
    "from before the period reported; the index below adds up the other {m}.",
    n=len(found), pair=pair_name, k=len(data.sources), p=int(found["precedent"].sum()),
    m=len(index),
)

# %% [markdown]
# ## Signals by kind over time
#
# Each row is a kind of signal. A marker is one signal, placed at the date it is on record: the
# date of the earliest claim about it, else the event's own date, else (when the source dates
# neither) the day the source was published. The marker's colour says how it is sourced, its size
# its weight; open markers are planned or only possible events. The narrow panel on the left shows
# the **precedent**, an earlier event the sources recall (here the 2019 talks in Vladivostok from
# the photo caption), as the span of its date: it is context, not part of the index.

# %%
fig = signal_timeline_chart(found, title=f"Signals of cooperation between {pair_name}, by kind")
fig.show()

# %%
table(
    found,
    caption=f"Signals of cooperation between {pair_name}",
    columns={
        "kind_label": "Kind", "on_record": "On record", "date_basis": "Date from",
        "status": "Status", "precedent": "Precedent", "sourcing": "Sourcing",
        "discounts": "Discounts", "weight": "Weight", "summary": "Event",
        "speaker": "Best-sourced speaker", "claim_quote": "Claim (verbatim)",
        "quote": "Event evidence (verbatim)", "source_id": "Source",
        "quote_start": "Start", "quote_end": "End",
    },
)

# %% [markdown]
# ## Cumulative signal index
#
# The index adds each signal's weight on the date it is on record, so the line steps up once per
# signal; several signals on one day make a taller step. It measures how much sourced reporting of
# cooperation accumulated, not how much cooperation took place.

# %%
fig = signal_index_chart(index, title=f"Cumulative signal index: {pair_name}")
fig.show()

# %%
table(
    index,
    caption="The index, signal by signal",
    columns={
        "on_record": "On record", "kind_label": "Kind", "sourcing": "Sourcing",
        "weight": "Weight", "cumulative": "Index after it", "summary": "Event",
        "quote": "Evidence (verbatim)", "source_id": "Source", "quote_start": "Start",
        "quote_end": "End",
    },
)

# %% [markdown]
# ## Weight by kind
#
# Each bar adds up the weights of one kind of signal (precedents left out); each segment is one
# signal, coloured by its sourcing.

# %%
fig = record_bars(index, x="weight", y="kind_label", color="sourcing", record="event_id",
                  what="summary", title="Total weight of each kind of signal",
                  labels={"x": "Sum of weights"})
fig.show()

# %%
table(
    topic.kind_totals(found),
    caption="Signals and total weight by kind",
    columns={"kind_label": "Kind", "n_signals": "Signals", "total_weight": "Total weight",
             "sourcing": "Sourcing (count)"},
)

# %% [markdown]
# ## How signals are coded and weighed
#
# A signal is an event coded under the topics *arms cooperation* or *Russia–North Korea summitry*
# whose actors and recipients include both states (an official counts for the state he or she
# serves). Its kind is found by the first rule below that matches; its sourcing is the best of the
# claims about it (an event no claim is about is the source's own statement); its weight is that
# sourcing weight times every discount that applies.

# %%
table(topic.kinds_table(), caption="Kinds of signal, in the order the rules are tried",
      columns={"label": "Kind", "rule": "Rule"})

# %%
table(topic.weights_table(), caption="Weights (an analyst's choice)",
      columns={"name": "Weight", "applies": "Applies as", "weight": "Value",
               "meaning": "When"})

# %%
table(
    topic.unpaired_events(data.events, data.actors, states=pair),
    caption=f"Events on these topics that do not involve both {pair_name} (not counted)",
    columns={"summary": "Event", "who": "Who", "quote": "Evidence (verbatim)",
             "source_id": "Source", "quote_start": "Start", "quote_end": "End"},
)

# %% [markdown]
# **What this can and cannot say.** The index counts *reports* of cooperation, weighted by how
# they are attributed, in the sources selected — with one source, one article's account. It does
# not measure whether weapons changed hands: most signals are plans, proposals or expectations,
# and none is a reported transfer. The kinds come from a short keyword-and-type rule, the weights
# and discounts are an analyst's choice (change them in one place, `WEIGHTS` in
# `analysis/topics/signals.py`), and the date of a signal is when it is on record, often just the
# day of publication. A signal reported in several sources would count once per source.
