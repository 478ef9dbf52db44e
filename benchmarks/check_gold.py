"""Check gold annotation against its texts: every quote, form and date is there.

Usage: .venv/bin/python benchmarks/check_gold.py [--set FOLDER] [NN ...]
FOLDER holds `NN-slug.txt` and `NN-slug.gold.yaml` pairs (default: benchmarks/devset; the
training set is benchmarks/trainset); NN picks files by part of their name.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

DEVSET = Path(__file__).resolve().parent / "devset"
EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "APPOINT",
}  # fmt: skip
COUNTED = ("actors", "places", "dates", "claims", "events")
KINDS = {"person", "state", "organization", "igo", "media", "group", "unnamed"}
GRANULARITIES = {"day", "week", "month", "year"}
STATUSES = {"factual", "future", "historical", "hypothetical", "negated"}
DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|yesterday|today|tomorrow|tonight|overnight|(?:19|20)\d\d|"
    r"(?:last|next|this|earlier this|later this|previous|coming)\s+(?:week|month|year|spring|"
    r"summer|autumn|winter)(?:'s|\u2019s)?)\b",
    re.IGNORECASE,
)
ABBREVIATION = re.compile(
    r"\b(?:Adm|Brig|Capt|Col|Dr|Gen|Lt|Maj|Mr|Mrs|Ms|Sgt|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|[A-Z])\.$"
)


def body(path: Path) -> str:
    """The article without its `#` header (the eval strips it the same way)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    return "\n".join(lines[i:]).lstrip("\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end], cut at sentence ends and line breaks."""
    cuts = [
        m.end()
        for m in re.finditer('[.!?]["\u201d\u2019]?\\s+(?=[\u201c"A-Z0-9])|\n', text)
        if not ABBREVIATION.search(text, 0, m.start() + 1)
    ]
    lo = max([c for c in cuts if c <= start], default=0)
    hi = min([c for c in cuts if c >= end], default=len(text))
    return text[lo:hi]


def check(gold_path: Path) -> tuple[list[str], list[str], dict[str, int]]:
    """Problems (errors), warnings and counts of one gold file."""
    errors: list[str] = []
    warnings: list[str] = []
    txt_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
    if not txt_path.exists():
        return [f"no text {txt_path.name}"], [], {}
    raw = txt_path.read_text(encoding="utf-8")
    if not raw.startswith("# FICTIONAL"):
        errors.append("text header does not start with '# FICTIONAL'")
    text = body(txt_path)
    words = len(re.findall(r"\S+", text))
    if not 250 <= words <= 560:
        warnings.append(f"body has {words} words")
    doc: dict[str, Any] = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    for key in ("published", "publisher", "classes", *COUNTED):
        if key not in doc:
            errors.append(f"missing key {key}")
    if not isinstance(doc.get("published"), dt.date):
        errors.append("published is not a date")
    names: set[str] = set()
    used: set[str] = set()
    for kind in ("actors", "places"):
        for rec in doc.get(kind) or []:
            name = str(rec["name"])
            if kind == "actors":
                if name in names:
                    errors.append(f"duplicate actor {name}")
                names.add(name)
                if rec.get("kind") not in KINDS:
                    errors.append(f"actor {name}: kind {rec.get('kind')!r}")
            if not re.fullmatch(r"[A-Z]{3}|", str(rec.get("country", "x"))):
                errors.append(f"{kind} {name}: country {rec.get('country')!r}")
            for f in [name, *(rec.get("also") or [])]:
                if str(f) not in text:
                    errors.append(f"{kind} {name}: form {f!r} not in text")
    spans: list[tuple[int, int]] = []
    for kind, who in (("claims", ("speaker", "via")), ("events", ("actor", "recipient"))):
        for rec in doc.get(kind) or []:
            q = str(rec["quote"])
            n = text.count(q)
            if n == 0:
                errors.append(f"{kind[:-1]} quote not in text: {q!r}")
            else:
                if n > 1:
                    warnings.append(f"{kind[:-1]} quote occurs {n} times: {q!r}")
                at = text.find(q)
                spans.append((at, at + len(q)))
            for role in who:
                value = rec.get(role)
                if value in (None, "") and role in ("via", "recipient"):
                    continue
                if value not in names:
                    errors.append(f"{kind[:-1]} {q[:40]!r}: {role} {value!r} is not a gold actor")
                used.add(str(value))
            if kind == "events":
                if rec.get("type") not in EVENT_TYPES:
                    errors.append(f"event {q[:40]!r}: type {rec.get('type')!r}")
                if rec.get("status") not in STATUSES:
                    errors.append(f"event {q[:40]!r}: status {rec.get('status')!r}")
    event_text = " ".join(str(r["quote"]) for r in doc.get("events") or [])
    for name in sorted(names - used):
        if name not in event_text:  # a second actor or recipient inside an event's quote is fine
            warnings.append(f"actor {name} is named by no claim or event")
    sentences = {sentence_around(text, a, b) for a, b in spans}
    gold_dates = set()
    for d in doc.get("dates") or []:
        t, start, g = str(d["text"]), d.get("start"), d.get("granularity")
        gold_dates.add(t.lower())
        if t not in text:
            errors.append(f"date {t!r} not in text")
        elif not any(t in s for s in sentences):
            warnings.append(f"date {t!r} is in no sentence of a gold claim or event")
        if not isinstance(start, dt.date) or g not in GRANULARITIES:
            errors.append(f"date {t!r}: start {start!r} granularity {g!r}")
            continue
        if g == "week" and start.weekday() != 0:
            errors.append(f"date {t!r}: week does not start on a Monday")
        if g == "month" and start.day != 1:
            errors.append(f"date {t!r}: month does not start on day 1")
        if g == "year" and (start.month, start.day) != (1, 1):
            errors.append(f"date {t!r}: year does not start on 1 January")
    for s in sentences:
        for m in DATE_WORDS.finditer(s):
            if not any(m.group(0).lower() in g for g in gold_dates):
                warnings.append(f"date words {m.group(0)!r} in a gold sentence but in no gold date")
    counts = {k: len(doc.get(k) or []) for k in COUNTED}
    counts["words"] = words
    return errors, warnings, counts


def main(argv: list[str]) -> int:
    folder = DEVSET
    if argv[:1] == ["--set"] and len(argv) > 1:
        folder, argv = Path(argv[1]), argv[2:]
    paths = sorted(folder.glob("*.gold.yaml"))
    if argv:
        paths = [p for p in paths if any(a in p.name for a in argv)]
    total: dict[str, int] = {}
    failed = 0
    print(f"{'file':34} words actors places dates claims events")
    for p in paths:
        errors, warnings, counts = check(p)
        for k, v in counts.items():
            total[k] = total.get(k, 0) + v
        c = counts
        if c:
            print(
                f"{p.name.replace('.gold.yaml', ''):34} {c['words']:5} {c['actors']:6} "
                f"{c['places']:6} {c['dates']:5} {c['claims']:6} {c['events']:6}"
            )
        for e in errors:
            print(f"  ERROR {e}")
        for w in warnings:
            print(f"  warning {w}")
        failed += bool(errors)
    t = total
    if t:
        print(
            f"{'TOTAL (' + str(len(paths)) + ' texts)':34} {t['words']:5} {t['actors']:6} "
            f"{t['places']:6} {t['dates']:5} {t['claims']:6} {t['events']:6}"
        )
    print("OK" if not failed else f"{failed} file(s) with errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
