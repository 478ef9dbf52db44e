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
# # Source
#
# One source text as the analysts and `newsbrief ingest` coded it: its metadata, the full text with every record's quote highlighted where it sits, and the records themselves. Readers see where each event, claim and position comes from; reviewers see ingest's drafts in context before accepting or rejecting them. This page, unlike the other reports, includes the drafts.

# %% tags=["parameters"]
source_id: str = "wapo-2023-09-05-kim-putin-arms"  # source to show (an id of data/sources/)

# %%
import analysis
from analysis.charts.sources import record_strip
from analysis.present import prose
from analysis.present_source import metadata, records_table, source_text
from analysis.topics.sources import (
    kind_counts,
    non_body_spans,
    segments,
    source_metadata,
    source_records,
)

data = analysis.load(sources=[source_id], include_drafts=True)
meta = source_metadata(data.sources, source_id=source_id, version=data.version)
text = data.texts[source_id]
records = source_records(data.events, data.claims, data.positions, data.actors, data.issues,
                         source_id=source_id)
pieces = segments(text, records, non_body_spans(data.non_body[source_id]))
counts = kind_counts(records)
prose(
    "{n} records quote this source: {event} events, {claim} claims and {position} positions. "
    "Drafts among them that no reviewer has accepted yet: {draft}.",
    n=len(records), **counts,
)

# %%
metadata(meta)

# %% [markdown]
# ## Where the records sit
#
# Each bar is one record's quote, from its first to its last character in the text, in the row of its kind. Clusters show the passages the coding leans on; long gaps are text no record quotes. Hover a bar for the record, its quote and its offsets; its number is the one beside the highlight in the text below.

# %%
record_strip(
    records, text_length=len(text), source_id=source_id,
    title="Records along the text, by kind",
).show()

# %% [markdown]
# ## The text
#
# The text exactly as stored, line breaks and paragraphs kept. Each highlighted stretch is the verbatim quote of one or more records, coloured by kind; where quotes overlap, the stretch shows a band for each kind and its tooltip names every record that covers it. Click a highlight to go to its record (the narrowest quote when several overlap), or the small number where a quote starts to go to that record's row. A dashed outline marks a draft. Muted text is the headline, a photo caption, a credit, the contributors line or the website's boilerplate, as the source's metadata marks them (ingest marks them for a new text): not article body.

# %%
source_text(text, pieces, records)

# %% [markdown]
# ## The records
#
# Every event, claim and position coded from this source, in the order of the text (a quote that encloses others comes first). The number links back to where the quote sits in the text; offsets count characters from the start of the text, end excluded.

# %%
records_table(records, caption=f"Records of {source_id} ({len(records)}), in the order of the text")

# %% [markdown]
# **What this can and cannot say.** A highlight shows where a record's evidence sits, not that the record is right: the summary, the type and the roles are coding choices, and a draft is a machine's proposal until a reviewer accepts it. Text without highlights was not coded, which does not mean it says nothing of interest. Offsets index the stored text; a source whose text file changes fails validation before any page is built.
