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
# Each marker is one actor's stated position on the issue, placed on the issue's stance scale from **−2** (against the proposition) to **+2** (for it). Hover a marker to read the position, the conditions the actor attaches, and the verbatim sentence of the source it was coded from, with its character offsets.

# %% tags=["parameters"]
issue_id: str = "black_sea_grain_initiative"  # issue whose positions to chart
sources: str = ""  # source ids to include, separated by ";" (empty: all sources)

# %%
import pandas as pd

import analysis
from analysis.charts.positions import stance_chart
from analysis.present import prose, table
from analysis.topics.positions import issue_row, positions_matrix, stance_scale

data = analysis.load(sources=[s for s in sources.split(";") if s] or None)
issue = issue_row(data.issues, issue_id=issue_id)
scale = stance_scale(data.issues, issue_id=issue_id)
frame = positions_matrix(data.positions, data.actors, data.claims, issue_id=issue_id)
prose(
    "<b>Proposition:</b> {proposition}. {n} positions of {actors} actors, coded from "
    "{k} source(s).",
    proposition=issue['proposition'], n=len(frame), actors=frame['actor_id'].nunique(),
    k=frame['source_id'].nunique(),
)

# %%
fig = stance_chart(frame, title=f"Where actors stand: {issue['name']}", scale=scale)
fig.show()

# %% [markdown]
# The same positions as a table, with the evidence for each:

# %%
table(
    frame,
    caption=f"Positions on {issue['name']}",
    columns={
        "actor": "Actor", "stance": "Stance (−2..+2)", "position": "Position",
        "conditions": "Conditions", "quote": "Evidence (verbatim)",
        "source_id": "Source", "quote_start": "Start", "quote_end": "End",
    },
)

# %%
table(
    pd.DataFrame(sorted(scale.items()), columns=['stance', 'meaning']),
    caption='The stance scale of this issue',
    columns={'stance': 'Stance', 'meaning': 'Meaning'},
)

# %% [markdown]
# **What this can and cannot say.** Stances are an analyst's coding of what each actor said as reported in the sources listed above, not of everything the actor has said elsewhere. A single article carries few voices: an actor missing here took no position *in these sources*. Conditions are quoted or closely paraphrased from the text; the scale's meaning is stated in the table above.
