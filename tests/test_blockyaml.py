"""The fast block-YAML reader: PyYAML's document exactly (types, key order, line numbers), or None.

`blockyaml.parse` may decline anything; what it must never do is accept a text and return a
document that differs from what the reference reader (`annotations._read_with_pyyaml`, PyYAML
with the project's resolvers and line-keeping mappings) builds, or accept a text that the
reference refuses.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.annotations as annotations_module
from analysis import blockyaml
from analysis.annotations import _read_with_pyyaml, read_yaml
from analysis.blockyaml import Mapping
from analysis.errors import DataFileError

REPO = Path(__file__).resolve().parents[1]
SHOWN = "data/annotations/x.yaml"


def same(a: Any, b: Any) -> bool:
    """Type-strict deep equality: `True` is not `1`, `1.0` is not `1`, NaN is NaN, and mappings
    agree on path, line, key lines and key order as well as on their values."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Mapping):
        return (
            vars(a).keys() == vars(b).keys()
            and (a.path, a.line) == (b.path, b.line)
            and list(a.key_lines.items()) == list(b.key_lines.items())
            and list(a) == list(b)
            and all(same(a[key], b[key]) for key in a)
        )
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return bool(a == b)


def plain(value: Any) -> Any:
    """The document as plain dicts and lists, to compare with a literal expectation."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def agree(text: str, shown: str = SHOWN) -> Mapping | None:
    """Parse `text` both ways; fail unless the fast reader declines or gives the same document."""
    fast = blockyaml.parse(text, shown)
    try:
        reference = _read_with_pyyaml(text, shown)
    except Exception as exc:  # DataFileError, or whatever else PyYAML lets through
        assert fast is None, f"accepted what the reference refuses ({exc!r}):\n{text!r}\n{fast!r}"
        return None
    if fast is not None:
        assert same(fast, reference), f"{text!r}\nfast:      {fast!r}\nreference: {reference!r}"
    return fast


def mapping(
    values: dict[str, Any], line: int, key_lines: dict[str, int], path: str = SHOWN
) -> Mapping:
    built = Mapping(values)
    built.path, built.line, built.key_lines = path, line, key_lines
    return built


# --- the helper itself ------------------------------------------------------------------------


def test_same_is_type_strict_and_sees_line_numbers() -> None:
    assert same([1, "a", None, 1.5], [1, "a", None, 1.5])
    assert same(float("nan"), float("nan"))
    assert not same(True, 1)
    assert not same(1, 1.0)
    assert not same(0.0, -0.0)
    assert not same(None, "")
    assert not same([1], [1, 2])
    assert not same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    m = mapping({"a": 1}, 3, {"a": 3})
    assert same(m, mapping({"a": 1}, 3, {"a": 3}))
    assert not same(m, {"a": 1})
    assert not same(m, mapping({"a": 1}, 4, {"a": 3}))
    assert not same(m, mapping({"a": 1}, 3, {"a": 4}))
    assert not same(m, mapping({"a": 1}, 3, {"a": 3}, path="other.yaml"))
    assert not same(m, mapping({"a": True}, 3, {"a": 3}))
    two = mapping({"a": 1, "b": 2}, 1, {"a": 1, "b": 2})
    assert not same(two, mapping({"b": 2, "a": 1}, 1, {"a": 1, "b": 2}))
    assert not same(two, mapping({"a": 1, "b": 2}, 1, {"b": 2, "a": 1}))


# --- every YAML file of the project -----------------------------------------------------------

PROJECT_YAML = sorted(
    {
        *REPO.glob("data/**/*.yaml"),
        *REPO.glob("tests/fixtures/**/*.yaml"),
        *REPO.glob("notebooks/**/*.yaml"),
        *REPO.glob("*.yaml"),
        *REPO.glob(".*.yaml"),
    }
)
# What a large corpus is made of: these must take the fast path.
MUST_ACCEPT = sorted(
    {
        *REPO.glob("data/annotations/*.yaml"),
        *REPO.glob("data/sources/*.yaml"),
        REPO / "data/registry/actors.yaml",
    }
)


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(REPO)) for path in paths]


def test_the_project_has_yaml_files_to_check() -> None:
    assert len(PROJECT_YAML) >= 20
    assert len(MUST_ACCEPT) >= 3
    assert all(path.is_file() for path in MUST_ACCEPT)


@pytest.mark.parametrize("path", PROJECT_YAML, ids=_ids(PROJECT_YAML))
def test_project_file_is_declined_or_read_exactly_as_pyyaml_reads_it(path: Path) -> None:
    # Invalid UTF-8 (a fixture) becomes lone surrogates, which the fast reader must decline.
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    agree(text, str(path.relative_to(REPO)))


@pytest.mark.parametrize("path", MUST_ACCEPT, ids=_ids(MUST_ACCEPT))
def test_project_data_files_take_the_fast_path(path: Path) -> None:
    text = path.read_text("utf-8")
    doc = agree(text, "shown.yaml")
    assert doc is not None, f"{path.relative_to(REPO)} is declined by the fast reader"
    assert doc.path == "shown.yaml"
    assert len(doc) >= 1


# --- small tricky documents -------------------------------------------------------------------

DECLINED = object()
NAN = float("nan")

CASES: list[tuple[str, str, Any]] = [
    # YAML 1.1 booleans and nulls as values (and words that are not booleans)
    (
        "booleans",
        "a: yes\nb: No\nc: on\nd: off\ne: TRUE\nf: False\ng: y\nh: n\n",
        {"a": True, "b": False, "c": True, "d": False, "e": True, "f": False}
        | {"g": "y", "h": "n"},
    ),
    (
        "nulls",
        "a: ~\nb: null\nc:\nd: NULL\ne: Null  # c\nf: nil\n",
        {"a": None, "b": None, "c": None, "d": None, "e": None, "f": "nil"},
    ),
    ("key yes", "yes: 1\n", DECLINED),
    ("key No", "a: 1\nNo: 2\n", DECLINED),
    ("key on", "on: 1\n", DECLINED),
    ("key off", "off: 1\n", DECLINED),
    ("key null", "null: 1\n", DECLINED),
    ("key tilde", "~: 1\n", DECLINED),
    ("nested key yes", "a:\n  b: 1\n  yes: 2\n", DECLINED),
    ("flow key on", "a: {on: 1}\n", DECLINED),
    ("words y and n are text keys", "y: 1\nn: 2\n", {"y": 1, "n": 2}),
    # numbers, YAML 1.1 style
    (
        "integers",
        "a: 042\nb: 0x1F\nc: 0o17\nd: 1_000\ne: 1:30\nf: -7\ng: +3\nh: 0\ni: 08\nj: 0b101\n",
        {"a": 34, "b": 31, "c": "0o17", "d": 1000, "e": 90, "f": -7, "g": 3}
        | {"h": 0, "i": "08", "j": 5},
    ),
    (
        "floats",
        "a: 1.5\nb: .inf\nc: -.Inf\nd: 1e3\ne: 1.0e+3\nf: .5\ng: 1_000.5\nh: 1:30.5\ni: 1.0e3\n",
        {"a": 1.5, "b": math.inf, "c": -math.inf, "d": "1e3", "e": 1000.0, "f": 0.5}
        | {"g": 1000.5, "h": 90.5, "i": "1.0e3"},
    ),
    ("nan", "a: .nan\nb: [.NaN, 1]\n", {"a": NAN, "b": [NAN, 1]}),
    ("empty hex digits", "a: 0x_\n", DECLINED),
    ("empty binary digits", "a: [0b_]\n", DECLINED),
    # dates stay text
    (
        "dates",
        "a: 2023-09-04\nb: 2023-02-30\nc: 2023-09-04T10:00:00Z\nd: [2023-09-04]\n",
        {"a": "2023-09-04", "b": "2023-02-30", "c": "2023-09-04T10:00:00Z"} | {"d": ["2023-09-04"]},
    ),
    # quoted scalars
    (
        "quoted numbers stay text",
        'a: "quoted 195"\nb: "195"\nc: \'042\'\nd: \'yes\'\ne: "~"\n',
        {"a": "quoted 195", "b": "195", "c": "042", "d": "yes", "e": "~"},
    ),
    (
        "single quotes",
        "a: 'it''s'\nb: ''\nc: 'x # y: z'\nd: '''q'''  # c\ne: 'back\\slash \"d\"'\n",
        {"a": "it's", "b": "", "c": "x # y: z", "d": "'q'", "e": 'back\\slash "d"'},
    ),
    (
        "double quotes with # and colon",
        'a: "x # y: z"\nb: "" # c\nc: "it\'s"\nd: "[not, a list]"\n',
        {"a": "x # y: z", "b": "", "c": "it's", "d": "[not, a list]"},
    ),
    # plain scalars
    (
        "plain scalars and comments",
        'a: plain text # comment\nb: x#y\nc: a, b [c] {d}\nd: it\'s "q"\ne: a:b\nf: --x\n'
        "g: x   #   spaced\nh: Here\u2019s\ni: non\u00a0breaking\n",
        {"a": "plain text", "b": "x#y", "c": "a, b [c] {d}", "d": 'it\'s "q"', "e": "a:b"}
        | {"f": "--x", "g": "x", "h": "Here\u2019s", "i": "non\u00a0breaking"},
    ),
    ("value with a second colon", "a: b: c\n", DECLINED),
    # flow collections
    (
        "flow lists",
        'a: [a, b]\nb: []\nc: [ ]\nd: [1, yes, ~, "q"]\ne: [a b, c]  # c\nf: [x,y]\n',
        {"a": ["a", "b"], "b": [], "c": [], "d": [1, True, None, "q"], "e": ["a b", "c"]}
        | {"f": ["x", "y"]},
    ),
    (
        "flow mappings",
        "date: {text: on Monday, start: 2023-09-04}  # when\nempty: {}\nspaced: { }\n"
        'q: {a: "x: y", b: 042}\n',
        {
            "date": {"text": "on Monday", "start": "2023-09-04"},
            "empty": {},
            "spaced": {},
            "q": {"a": "x: y", "b": 34},
        },
    ),
    ("duplicate key in a flow mapping", "a: {b: 1, b: 2}\n", DECLINED),
    ("mapping inside a flow list", "a: [x: y]\n", DECLINED),
    ("flow collection inside a flow collection", "a: {b: [c]}\n", DECLINED),
    ("flow list over two lines", "a: [x,\n  y]\n", DECLINED),
    # block structure
    (
        "sequence at the indent of its key",
        "a:\n- x\n- y\nb: 1\n",
        {"a": ["x", "y"], "b": 1},
    ),
    (
        "nested mappings and sequences",
        "events:\n  - id: x\n    date: {start: 2023-09-04}\n    actors: [a, b]\n"
        "  - id: y\n    nested:\n      deep: 1\n      deeper:\n      - yes\n      - '042'\n"
        "  - plain\nafter: z\n",
        {
            "events": [
                {"id": "x", "date": {"start": "2023-09-04"}, "actors": ["a", "b"]},
                {"id": "y", "nested": {"deep": 1, "deeper": [True, "042"]}},
                "plain",
            ],
            "after": "z",
        },
    ),
    ("empty item value", "a:\n- b:\n- c\n", {"a": [{"b": None}, "c"]}),
    (
        "comments and blank lines everywhere",
        "# head\n\na: 1  # c\n\n  # indented comment\nb:\n\n  # c\n  c: 2\n\n\n  d:\n"
        "  - x\n\n# c\n  - y\n# end\n\n",
        {"a": 1, "b": {"c": 2, "d": ["x", "y"]}},
    ),
    ("inconsistent dedent", "a:\n    b: 1\n  c: 2\n", DECLINED),
    ("continuation line", "a: b\n  c\n", DECLINED),
    # outside the subset
    ("tab in a value", "a:\tb\n", DECLINED),
    ("tab after a value", "a: b\t\n", DECLINED),
    ("tab indentation", "a:\n\t- b\n", DECLINED),
    ("CRLF", "a: b\r\nc: d\r\n", DECLINED),
    ("NEL", "a: b\x85c\n", DECLINED),
    ("line separator", "a: b\u2028c\n", DECLINED),
    ("byte-order mark", "\ufeffa: b\n", DECLINED),
    ("anchor and alias", "a: &x 1\nb: *x\n", DECLINED),
    ("tag", "a: !x b\n", DECLINED),
    ("standard tag", "a: !!str 1\n", DECLINED),
    ("literal block scalar", "a: |\n  text\n", DECLINED),
    ("folded block scalar", "a: >-\n  text\n  more\n", DECLINED),
    ("multi-line plain scalar", "a: one\n  two\n", DECLINED),
    ("multi-line double-quoted scalar", 'a: "one\n  two"\n', DECLINED),
    ("multi-line single-quoted scalar", "a: 'one\n  two'\n", DECLINED),
    ("escape in double quotes", 'a: "x\\ny"\n', DECLINED),
    ("unicode escape", 'a: "\\u00e9"\n', DECLINED),
    ("document start", "---\na: 1\n", DECLINED),
    ("document end", "a: 1\n...\n", DECLINED),
    ("directive", "%YAML 1.1\n---\na: 1\n", DECLINED),
    ("complex key", "? complex\n: value\n", DECLINED),
    ("merge key", "a:\n  <<: {b: 1}\n  c: 2\n", DECLINED),
    ("duplicate key", "a: 1\nb: 2\na: 3\n", DECLINED),
    ("nested duplicate key", "a:\n- b: 1\n  b: 2\n", DECLINED),
    ("top-level sequence", "- a\n- b\n", DECLINED),
    ("top-level scalar", "just text\n", DECLINED),
    ("empty file", "", DECLINED),
    ("blank lines only", "\n  \n", DECLINED),
    ("comments only", "# nothing\n", DECLINED),
    # PyYAML (libyaml) refuses implicit keys longer than 1024 characters
    ("1025-character key", "k" * 1025 + ": b\n", DECLINED),
    ("1025-character nested key", "a:\n  " + "k" * 1025 + ": b\n", DECLINED),
    ("1025-character flow key", "a: {" + "k" * 1025 + ": b}\n", DECLINED),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_tricky_document(text: str, expected: Any) -> None:
    fast = agree(text)
    if expected is DECLINED:
        assert fast is None, f"accepted: {fast!r}"
    else:
        assert fast is not None, "declined"
        assert same(plain(fast), expected), f"{plain(fast)!r} != {expected!r}"


def test_line_numbers_count_comments_and_blank_lines() -> None:
    text = (
        "# c\n"  # 1
        "\n"  # 2
        "a: 1\n"  # 3
        "\n"  # 4
        "# c\n"  # 5
        "b:\n"  # 6
        "  # c\n"  # 7
        "\n"  # 8
        "  c: {d: 1, e: x}\n"  # 9
        "  e:\n"  # 10
        "  - f: 2\n"  # 11
        "    # c\n"  # 12
        "    g: 3\n"  # 13
        "  -   {h: 4}\n"  # 14 (declined: more than one space after the dash)
    )
    assert agree(text) is None
    doc = agree(text.replace("-   {", "- {"))
    assert doc is not None
    assert (doc.path, doc.line, doc.key_lines) == (SHOWN, 3, {"a": 3, "b": 6})
    b = doc["b"]
    assert (b.path, b.line, b.key_lines) == (SHOWN, 9, {"c": 9, "e": 10})
    assert (b["c"].line, b["c"].key_lines) == (9, {"d": 9, "e": 9})
    first, second = b["e"]
    assert (first.line, first.key_lines) == (11, {"f": 11, "g": 13})
    assert (second.line, second.key_lines, second.line_of("h")) == (14, {"h": 14}, 14)


def test_values_are_fresh_objects_on_every_parse() -> None:
    text = "a: [x, y]\nb: {c: 1}\n"
    first = blockyaml.parse(text, SHOWN)
    assert first is not None
    first["a"].append("z")
    first["b"]["d"] = 2
    second = blockyaml.parse(text, SHOWN)
    assert second is not None
    assert plain(second) == {"a": ["x", "y"], "b": {"c": 1}}


@pytest.mark.parametrize("shape", ["mappings", "mappings in sequences"])
def test_deep_nesting_is_declined_where_pyyaml_gives_up(shape: str) -> None:
    for depth in range(50, 1101, 25):
        if shape == "mappings":
            text = "".join(" " * i + "k:\n" for i in range(depth))
        else:
            text = "r:\n" + "".join(" " * (2 * i) + "- k:\n" for i in range(depth))
        try:
            _read_with_pyyaml(text, SHOWN)
        except Exception as exc:  # libyaml's nesting limit, or Python's recursion limit
            assert blockyaml.parse(text, SHOWN) is None, f"depth {depth}: reference {exc!r}"


# --- generated documents ----------------------------------------------------------------------

LETTERS = "abcxyzAXZ"
TAME_KEYS = ["id", "a_b", "type", "date", "x", "y", "Key_2"]
HOSTILE_KEYS = ["yes", "null", "on", "No", "~", "1", "0x1F", "<<", "=", "-", "a b", "x:y"]
HOSTILE_KEYS += ["? a", '"q"', "'q'", "&a k", "*a", "!t k", "a\t"]
TAME_WORDS = ["yes", "No", "on", "OFF", "~", "null", "Null", "True", "0x1F", "042", "08"]
TAME_WORDS += ["0b101", "1_000", ".5", "1e3", "1.5", "3.0e+2", "2023-09-04", ".inf", ".NaN", "0"]
WILD_WORDS = [*TAME_WORDS, "1:30", "-1", "-", "- a", "0x1_", "-0b1", "<<", "=", "", " ", "a: b"]
WILD_WORDS += ["a #b", "#", "---", "...", "? a", "&a", "*a", "!x", "|", ">", "%x", "@x", "a:"]
WILD_WORDS += [":", "'", '"', "a\\n", "[", "{", "- [a]", "-\t"]
# Inside a plain scalar after its first character (tame: never a comment, never a key).
TAME_PLAIN = LETTERS + "019 .-_'\"\u2019\u00a0,[]{}"
TAME_FLOW = LETTERS + "019 .-_\u2019\u00a0"  # flow plain: no , [ ] { } # ' " :
TAME_QUOTED = TAME_PLAIN + "#:!&*|>%@?`"
WILD = TAME_QUOTED + "\\\t\u0085\r=<~+"
# Pieces of hostile text: single characters, and pairs that mean something to YAML.
WILD_TOKENS = [*WILD, ": ", " #", "# ", "- ", ", ", "''", '""', "? ", "&a ", "*a", "!x ", "\\n"]
WILD_TOKENS += ["yes", "on", "null", "~", "0x", "0b", "_", "1_0", ".5", "1:30", "---", "..."]
# One-line values: half punctuation (and pairs of it that mean something), half words.
LINE_PUNCTUATION = [*":#,[]{}'\"\\&*!|>%@?~=<+-._` ", ": ", " #", "# ", "- ", ", ", "''", '""']
LINE_WORDS = ["a", "x", "b c", "yes", "on", "No", "null", "~", "0x", "0b", "1", "042", "1_0", ".5"]
LINE_WORDS += ["1:30", "2023-09-04", "\u2019", "\u00a0", ".inf", "-1"]


@st.composite
def documents(draw: st.DrawFn, wild: bool) -> str:
    """A block-YAML text. Tame ones are all inside the fast reader's subset; wild ones mix in
    everything it must decline or get right: hostile keys and characters, raw quotes, bad
    indentation, duplicate keys."""
    lines: list[str] = []

    def pick(*options: str) -> str:
        return draw(st.sampled_from(options))

    rate = draw(st.sampled_from([0, 60, 20, 5])) if wild else 0  # one in `rate` goes wrong

    def hostile() -> bool:
        return rate > 0 and draw(st.integers(1, rate)) == 1

    def text(alphabet: str, max_size: int = 8) -> str:
        return draw(st.text(alphabet, max_size=max_size))

    def wild_text(max_size: int = 6) -> str:
        return "".join(draw(st.lists(st.sampled_from(WILD_TOKENS), max_size=max_size)))

    def plain_scalar(flow: bool) -> str:
        if hostile():
            return draw(st.sampled_from(WILD_WORDS)) if draw(st.booleans()) else wild_text()
        if draw(st.integers(0, 2)) == 0:
            return draw(st.sampled_from(TAME_WORDS))
        word = draw(st.sampled_from(LETTERS)) + text(TAME_FLOW if flow else TAME_PLAIN)
        return word.rstrip(" ")

    def quoted(flow: bool) -> str:
        if hostile():
            return pick("'", '"') + wild_text() + pick("'", '"', "")
        if flow:  # double quotes only, without the separators of a flow collection
            return '"' + text(TAME_FLOW + ":!&*|>%@?`") + '"'
        body = text(TAME_QUOTED)
        if draw(st.booleans()):
            return "'" + body.replace("'", "''") + "'"
        return '"' + body.replace('"', "") + '"'

    def flow_item() -> str:
        item = quoted(flow=True) if draw(st.integers(0, 3)) == 0 else plain_scalar(flow=True)
        return pick("", " ") + item + pick("", " ") if wild else item

    def keys(min_size: int, max_size: int) -> list[str]:
        pool = TAME_KEYS + HOSTILE_KEYS if hostile() else TAME_KEYS
        drawn = draw(st.lists(st.sampled_from(pool), min_size=min_size, max_size=max_size))
        drawn = list(dict.fromkeys(drawn))
        if drawn and hostile():  # a duplicate key
            drawn.insert(draw(st.integers(0, len(drawn))), pick(*drawn))
        return drawn

    def comment() -> str:
        return pick(" #", "  #", "   # ") + (wild_text() if hostile() else text(TAME_QUOTED, 12))

    def value() -> str:
        kind = pick("plain", "plain", "quoted", "list", "map")
        if kind == "plain":
            rendered = plain_scalar(flow=False)
        elif kind == "quoted":
            rendered = quoted(flow=False)
        elif kind == "list":
            items = [flow_item() for _ in range(draw(st.integers(0, 4)))]
            rendered = "[" + pick(", ", ",").join(items) + pick("]", " ]" if wild else "]")
        else:
            pairs = [f"{k}: {flow_item()}" for k in keys(0, 3)]
            rendered = "{" + pick(", ", ",").join(pairs) + "}"
        if draw(st.integers(0, 3)) == 0:
            rendered += comment()
        return rendered

    def width() -> int:
        return draw(st.integers(1, 4))

    def block_mapping(indent: int, depth: int, dash: bool = False) -> None:
        """Keys at `indent`; with `dash`, the first key follows a `- ` two columns to the left."""
        for i, k in enumerate(keys(1, 4)):
            lead = " " * (indent - 2) + "- " if dash and i == 0 else " " * indent
            kinds = ["scalar", "scalar", "empty", "map", "seq", "seq here"]
            kind = pick(*(kinds if depth < 3 else kinds[:3]))
            if kind == "scalar":
                lines.append(f"{lead}{k}: {value()}")
                continue
            lines.append(f"{lead}{k}:" + (comment() if draw(st.integers(0, 3)) == 0 else ""))
            if kind == "map":
                block_mapping(indent + width(), depth + 1)
            elif kind == "seq":
                block_sequence(indent + width(), depth + 1)
            elif kind == "seq here":
                block_sequence(indent, depth + 1)

    def block_sequence(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            kind = pick("scalar", "scalar", "map") if depth < 3 else "scalar"
            if kind == "map":
                block_mapping(indent + 2, depth + 1, dash=True)
            elif hostile():
                lines.append(" " * indent + pick("-", "- - x", "-  x", "- ", "-x", "- ? a"))
            else:
                lines.append(" " * indent + "- " + value())

    if wild and draw(st.integers(0, 19)) == 0:
        block_sequence(0, 1)
    else:
        block_mapping(0, 0)

    # Blank lines and comment lines anywhere, at any indent.
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        filler = " " * draw(st.integers(0, 6))
        if draw(st.booleans()):
            filler += "#" + (wild_text() if hostile() else text(TAME_QUOTED, 12))
        lines.insert(at, filler)
    # Shift a line's indentation, or put a stray line in.
    for _ in range(3):
        if not hostile():
            continue
        at = draw(st.integers(0, len(lines) - 1))
        shift = pick("+", "-", "\t", "stray")
        if shift == "+":
            lines[at] = " " + lines[at]
        elif shift == "-":
            lines[at] = lines[at].removeprefix(" ")
        elif shift == "\t":
            lines[at] = "\t" + lines[at]
        else:
            lines.insert(at, " " * draw(st.integers(0, 6)) + wild_text())
    end = pick("\n", "", "\n\n") if not hostile() else pick("\r\n", "\n...\n", "\n---\n")
    return "\n".join(lines) + end


@settings(max_examples=300, deadline=None)
@given(documents(wild=False))
def test_tame_generated_documents_are_accepted_and_read_as_pyyaml_reads_them(text: str) -> None:
    fast = agree(text)
    assert fast is not None, f"declined:\n{text}"


@settings(max_examples=400, deadline=None)
@given(documents(wild=True))
def test_wild_generated_documents_are_declined_or_read_as_pyyaml_reads_them(text: str) -> None:
    agree(text)


LINE_PREFIXES = ["", "a: ", "a: [", "a: [x, ", "a: {", "a: {b: ", "- ", "a:\n- ", "a:\n  - "]
LINE_PREFIXES += ["a:\n  b: ", "a:\n- b: ", "a:\n- b: 1\n  c: "]
LINE_SUFFIXES = ["", "]", "}", " # c", "] # c", "} #", "\nb: 1", "\n  c: 2"]


@settings(max_examples=1000, deadline=None)
@given(
    st.sampled_from(LINE_PREFIXES),
    st.lists(
        st.one_of(st.sampled_from(LINE_PUNCTUATION), st.sampled_from(LINE_WORDS)), max_size=6
    ).map("".join),
    st.sampled_from(LINE_SUFFIXES),
)
def test_any_one_line_value_is_declined_or_read_as_pyyaml_reads_it(
    prefix: str, body: str, suffix: str
) -> None:
    agree(prefix + body + suffix + "\n")


# --- read_yaml takes the fast path, and falls back to PyYAML --------------------------------


def test_read_yaml_returns_the_fast_readers_document(monkeypatch: pytest.MonkeyPatch) -> None:
    source = MUST_ACCEPT[0]
    text = source.read_text("utf-8")
    reference = _read_with_pyyaml(text, "data/shown.yaml")

    def no_fallback(text: str, shown: str) -> Mapping:
        raise AssertionError("read_yaml fell back to PyYAML on a file the fast reader accepts")

    monkeypatch.setattr(annotations_module, "_read_with_pyyaml", no_fallback)
    doc = read_yaml(source, "data/shown.yaml")
    assert same(doc, reference)

    parsed: list[Mapping | None] = []
    real_parse = blockyaml.parse

    def spy(text: str, path: str = "") -> Mapping | None:
        parsed.append(real_parse(text, path))
        return parsed[-1]

    monkeypatch.setattr(blockyaml, "parse", spy)
    doc = read_yaml(source, "data/shown.yaml")
    assert len(parsed) == 1
    assert doc is parsed[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a: |\n  line one\n  line two\nb: 1\n", {"a": "line one\nline two\n", "b": 1}),
        ("a: &x [1]\nb: *x\n", {"a": [1], "b": [1]}),
        ('a: "tab\\there"\n', {"a": "tab\there"}),
        ("---\na: 1\n", {"a": 1}),
    ],
)
def test_read_yaml_falls_back_to_pyyaml_on_declined_files(
    tmp_path: Path, content: str, expected: dict[str, Any]
) -> None:
    assert blockyaml.parse(content, "x.yaml") is None
    path = tmp_path / "x.yaml"
    path.write_text(content, "utf-8")
    doc = read_yaml(path, "data/x.yaml")
    assert same(doc, _read_with_pyyaml(content, "data/x.yaml"))
    assert same(plain(doc), expected)
    assert (doc.path, doc.line) == ("data/x.yaml", content.count("\n", 0, content.find("a:")) + 1)


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("a: 1\nb:\n  c: 2\n  c: 3\n", 4, "duplicate key"),
        ("a: [x, y\nb: 1\n", 2, "malformed YAML"),
        ("a: 0x_\n", 0, "quote it"),  # looks like a number to YAML 1.1, and is not one
    ],
)
def test_read_yaml_still_reports_problems_with_their_line(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    assert blockyaml.parse(content, "x.yaml") is None
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(DataFileError) as info:
        read_yaml(path, "data/bad.yaml")
    assert info.value.line == line
    assert words in str(info.value)
