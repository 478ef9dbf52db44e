"""`newsbrief review`: list a source's drafts, accept or reject them by id in the YAML itself.

Accepting a record deletes its `draft: true` line (the `confidence` line stays) and moves the
proposed actors and places it points at to data/registry/ (a reviewed record may not point at
a draft). Rejecting deletes the record, the links other records had to it (`about`,
`contests`, a position's `claim`) and the proposals no record uses any more. Files are edited
line by line (`analysis.yamledit`), written atomically, then the project is validated; if it
would not validate, every file is put back as it was and the edit is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import NewsbriefError, ValidationError
from analysis.fields import near
from analysis.model import Corpus
from analysis.pending import pending, pending_lines
from analysis.reviewindex import (
    Key,
    Node,
    annotation_path,
    drafted,
    homes,
    record_nodes,
    registry_problems,
)
from analysis.reviewlist import (
    LISTS,
    PROPOSALS,
    WIDTH,
    Item,
    proposal_items,
    record_items,
    render,
)
from analysis.validate import read_corpus, validate_project
from analysis.yamledit import Edit, plain, write_atomic

__all__ = ["Review", "ReviewError", "pending_summary"]


class ReviewError(NewsbriefError):
    """A review request that cannot be carried out; nothing was changed."""


def pending_summary(root: Path) -> str:
    """What `newsbrief review` without a source prints: every source with drafts left."""
    corpus = read_corpus(root)
    lines = pending_lines(pending(corpus, root), shown=len(corpus.sources))
    return "\n".join(lines) or "no drafts pending review"


@dataclass
class Review:
    """One source's drafts in a validated project, and the edits a review request makes."""

    root: Path
    corpus: Corpus
    source_id: str
    path: Path
    nodes: dict[Key, Node] = field(default_factory=dict)
    homes: dict[Key, Path] = field(default_factory=dict)  # proposal -> its annotation file
    edits: dict[Path, Edit] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, root: Path, source_id: str) -> Review:
        """The review of `source_id`; the project must validate first."""
        corpus = read_corpus(root)
        known = [s.source_id for s in corpus.sources]
        path = annotation_path(root, source_id) if source_id in known else None
        if path is None:
            waiting = [p.source_id for p in pending(corpus, root)]
            hint = near(source_id, known) if source_id not in known else " (no annotation file)"
            raise ReviewError(
                f"no source {source_id!r} to review{hint}; "
                f"sources with drafts: {', '.join(waiting) or 'none'}"
            )
        return cls(root, corpus, source_id, path, record_nodes(corpus), homes(root))

    def rel(self, path: Path) -> str:
        """`path` relative to the project, as messages show it."""
        return path.relative_to(self.root).as_posix()

    def short(self, rid: str) -> str:
        """A record id without its source prefix (`e01`), as the listing shows it."""
        prefix = f"{self.source_id}-"
        return rid[len(prefix) :] if rid.startswith(prefix) else rid

    def edit(self, path: Path) -> Edit:
        """The pending edits of one file, opened on first use."""
        if path not in self.edits:
            self.edits[path] = Edit.open(path, self.rel(path))
        return self.edits[path]

    def users(self) -> dict[Key, set[Key]]:
        """(actor|place, id) -> the records and actors that point at it."""
        out: dict[Key, set[Key]] = {}
        for node in self.nodes.values():
            for ref in node.refs:
                out.setdefault(ref, set()).add(node.key)
        for actor in self.corpus.actors:
            if actor.parent_id:
                out.setdefault(("actor", actor.parent_id), set()).add(("actor", actor.actor_id))
        return out

    def items(self) -> list[Item]:
        """The source's draft records (text order), then the proposals its file holds."""
        shown = {k: {self.short(u[1]) for u in v} for k, v in self.users().items()}
        return record_items(self.corpus, self.source_id, self.short) + proposal_items(
            self.corpus, self.edit(self.path), shown
        )

    def listing(self, *, order: str = "text", width: int = WIDTH) -> str:
        """What `newsbrief review SOURCE` prints: the drafts, then where proposals they use are."""
        items = self.items()
        used = {ref for item in items for ref in item.refs}
        elsewhere: dict[Path, list[str]] = {}
        for key in sorted(used):
            home = self.homes.get(key)
            if home is not None and home != self.path:
                elsewhere.setdefault(home, []).append(key[1])
        notes = [f"proposed in {self.rel(h)}: {', '.join(ids)}" for h, ids in elsewhere.items()]
        path = self.rel(self.path)
        return render(self.source_id, path, items, order=order, width=width, elsewhere=notes)

    # -- a request ----------------------------------------------------------------------------

    def resolve(self, lists: Sequence[Sequence[str]], items: list[Item]) -> list[list[Key]]:
        """The items each list of ids names (full ids or without the source prefix), or exit 2
        naming every unknown id and listing the drafts."""
        by_id: dict[str, list[Key]] = {}
        for item in items:
            for name in {item.rid, self.short(item.rid)}:
                by_id.setdefault(name, []).append((item.kind, item.rid))
        out: list[list[Key]] = []
        wrong = []
        for tokens in lists:
            out.append([])
            for token in tokens:
                found = by_id.get(token, [])
                if len(found) == 1:
                    if found[0] not in out[-1]:  # `c01` and its full id name one record
                        out[-1].append(found[0])
                elif found:
                    wrong.append(f"{token!r} names both a proposed actor and a proposed place")
                else:
                    wrong.append(self.unknown(token, by_id))
        if wrong:
            ids = ", ".join(self.short(item.rid) for item in items) or "none"
            raise ReviewError(
                "; ".join(wrong) + f". The drafts of {self.source_id} are: {ids} "
                f"(record ids shown without the '{self.source_id}-' prefix)"
            )
        return out

    def unknown(self, token: str, by_id: dict[str, list[Key]]) -> str:
        """Why `token` names no draft of this source, and what it may have meant."""
        for kind in LISTS:
            node = self.nodes.get((kind, token)) or self.nodes.get(
                (kind, f"{self.source_id}-{token}")
            )
            if node is None:
                continue
            if not node.draft:
                return f"{node.key[1]!r} is reviewed already (not a draft)"
            if node.source_id != self.source_id:
                return (
                    f"{token!r} is a draft of {node.source_id} (newsbrief review {node.source_id})"
                )
        return f"unknown draft id {token!r}{near(token, by_id)}"

    def plan(
        self,
        accept: Sequence[str] = (),
        reject: Sequence[str] = (),
        *,
        accept_all: bool = False,
        reject_all: bool = False,
    ) -> None:
        """Work out every edit of the request (nothing is written yet)."""
        items = self.items()
        accepted, rejected = self.resolve([accept, reject], items)
        explicit = set(rejected)
        both = sorted(set(accepted) & set(rejected))
        if both:
            raise ReviewError(f"both accepted and rejected: {', '.join(k[1] for k in both)}")
        every = [(item.kind, item.rid) for item in items]
        taken = set(accepted) | set(rejected)
        users = self.users()
        if reject_all:
            rejected += [k for k in every if k not in taken]
        gone = {k for k in rejected if k[0] in LISTS}
        if accept_all:  # not the proposals that only rejected records use: those go with them
            accepted += [
                k
                for k in every
                if k not in taken and not (k[0] in PROPOSALS and users.get(k) and users[k] <= gone)
            ]
        moved = self.moves(accepted, users)
        self.check_links(accepted, gone)
        self.check_moves(moved, users)
        dropped = self.drops(rejected, gone, moved, users, explicit=explicit)
        for key in accepted:
            if key[0] in LISTS:
                self.edit(self.path).drop_key(LISTS[key[0]], key[1], "draft")
                self.said.append(f"accepted {key[0]} {key[1]}")
        worded = [self.short(k[1]) for k in accepted if k[0] in LISTS and drafted(self.nodes[k])]
        if worded:
            self.said.append(
                f"note: reword the drafted summary/content ('Draft ...') of {', '.join(worded)} "
                f"in {self.rel(self.path)}"
            )
        for key in [k for k in every if k in gone]:  # in the order listed
            self.edit(self.path).drop_item(LISTS[key[0]], key[1])
            self.said.append(f"rejected {key[0]} {key[1]}: deleted")
        self.unlink(gone)
        for key, because in moved.items():
            self.move(key, because)
        for key in dropped:
            self.edit(self.homes[key]).drop_item(PROPOSALS[key[0]][0], key[1])
            self.said.append(f"deleted proposed {key[0]} {key[1]}: no record uses it")

    def moves(self, accepted: list[Key], users: dict[Key, set[Key]]) -> dict[Key, str]:
        """The proposals to move to the registry, parents first, each with the reason."""
        moved: dict[Key, str] = {}

        def need(key: Key, because: str) -> None:
            if key in moved or key not in self.homes:
                return
            parent = next(
                (a.parent_id for a in self.corpus.actors if key == ("actor", a.actor_id)), ""
            )
            if parent:
                need(("actor", parent), f"parent of {key[1]}")
            moved[key] = because

        for key in accepted:
            if key[0] in PROPOSALS:
                need(key, "accepted")
            else:
                for ref in self.nodes[key].refs:
                    need(ref, f"used by {self.short(key[1])}")
        return moved

    def check_moves(self, moved: dict[Key, str], users: dict[Key, set[Key]]) -> None:
        """A proposal moves only if it is a valid registry record once its draft lines go."""
        wrong = []
        for key in moved:
            home = self.homes[key]
            problems = registry_problems(self.root, home, self.rel(home), *key)
            if problems:
                users_of = ", ".join(sorted(self.short(u[1]) for u in users.get(key, set())))
                wrong.append(
                    f"proposed {key[0]} {key[1]} (used by {users_of or 'no record'}) is not "
                    "ready for the registry:\n" + "\n".join(f"  {p}" for p in problems)
                )
        if wrong:
            raise ReviewError(
                "cannot accept yet: "
                + "\n".join(wrong)
                + "\ncomplete it in the file, or reject the records that use it"
            )

    def check_links(self, accepted: list[Key], gone: set[Key]) -> None:
        """An accepted record may not point at an event or claim that stays a draft."""
        ok = set(accepted) | gone
        for key in accepted:
            for _, kind, rid in self.nodes[key].links if key in self.nodes else ():
                target = self.nodes.get((kind, rid))
                if target is not None and target.draft and target.key not in ok:
                    raise ReviewError(
                        f"{key[1]} points at the draft {kind} {rid}: accept both "
                        f"(--accept {self.short(key[1])} {self.short(rid)}) or reject {rid}"
                    )

    def drops(
        self,
        rejected: list[Key],
        gone: set[Key],
        moved: dict[Key, str],
        users: dict[Key, set[Key]],
        *,
        explicit: set[Key],
    ) -> list[Key]:
        """The proposals to delete: the rejected ones no one else uses, those only rejected
        records used, and then the parents only deleted proposals had."""
        parents = {
            ("actor", a.actor_id): ("actor", a.parent_id) for a in self.corpus.actors if a.parent_id
        }
        wanted = [k for k in rejected if k[0] in PROPOSALS]
        todo = wanted + [ref for key in sorted(gone) for ref in self.nodes[key].refs]
        dead, out = set(gone), []
        while todo:
            key = todo.pop(0)
            if key in dead or key in moved or key not in self.homes or users.get(key, set()) - dead:
                continue
            dead.add(key)
            out.append(key)
            if key in parents:
                todo.append(parents[key])
        for key in wanted:
            if key in dead or (key in moved and key not in explicit):
                continue  # a proposal an accepted record uses moves (said there)
            still = sorted(u[1] for u in users.get(key, set()) - dead)
            why = f"used by {', '.join(map(self.short, still))}" if still else moved[key]
            if key in explicit:
                raise ReviewError(f"cannot reject proposed {key[0]} {key[1]}: {why}")
            self.said.append(f"kept proposed {key[0]} {key[1]}: {why}")
        return out

    def unlink(self, gone: set[Key]) -> None:
        """Remove the links that remaining records had to rejected ones."""
        for node in self.nodes.values():
            if node.key in gone:
                continue
            dead = [(name, (kind, rid)) for name, kind, rid in node.links if (kind, rid) in gone]
            if not dead:
                continue
            path = annotation_path(self.root, node.source_id)
            if path is None:  # cannot happen in a validated project
                raise ReviewError(f"no annotation file for {node.source_id}")
            key, rid = LISTS[node.key[0]], node.key[1]
            names = {name for name, _ in dead}
            for name in sorted(names - {"contests"}):
                self.edit(path).drop_key(key, rid, name)
            if "contests" in names:
                keep = [r for n, k, r in node.links if n == "contests" and (k, r) not in gone]
                self.edit(path).set_flow_list(key, rid, "contests", keep)
            what = ", ".join(f"{name} {target[1]}" for name, target in dead)
            self.said.append(f"unlinked {rid}: {what} (rejected)")

    def move(self, key: Key, because: str) -> None:
        """Move a proposal from its annotation file to the registry, without its draft lines."""
        kind, pid = key
        plist, registry, rlist = PROPOSALS[kind]
        source = self.edit(self.homes[key])
        without = ("draft", "confidence")
        lines = source.item_lines(plist, pid, without=without)
        data = {
            k: v
            for k, v in plain(source.items(plist)[source.index(plist, pid)]).items()
            if k not in without
        }
        source.drop_item(plist, pid)
        self.edit(self.root / registry).append_item(rlist, lines, data)
        where = "" if self.homes[key] == self.path else f" from {self.rel(self.homes[key])}"
        self.said.append(f"moved proposed {kind} {pid}{where} to {registry} ({because})")

    def apply(self) -> str:
        """Write the edits, validate, and say what was done; on problems put everything back."""
        texts = {path: edit.text() for path, edit in self.edits.items() if edit.changed()}
        if not texts:
            return "nothing to change"
        allowed = [self.root / "data" / "annotations", self.root / "data" / "registry"]
        for path in texts:  # never data/sources/ or anything else: source texts are read-only
            if path.parent not in allowed:
                raise ReviewError(
                    f"refused: {self.rel(path)} is not an annotation or registry file"
                )
        written: list[Path] = []
        try:
            for path, text in texts.items():
                write_atomic(path, text.encode("utf-8"))
                written.append(path)
            report = validate_project(self.root)
        except ValidationError as exc:
            self.restore(written)
            raise ReviewError(
                "refused: after this edit the data would not validate; every file is back as "
                f"it was (the lines below are those of the edit that was undone).\n{exc}"
            ) from exc
        except BaseException:
            self.restore(written)
            raise
        changed = ", ".join(self.rel(path) for path in texts)
        return "\n".join([*self.said, f"edited {changed}", report.summary()])

    def restore(self, paths: list[Path]) -> None:
        """Put the files back as they were read."""
        for path in paths:
            write_atomic(path, self.edits[path].original)
