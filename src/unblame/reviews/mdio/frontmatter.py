"""Front matter: YAML between `---` lines or TOML between `+++` lines, at the top of a file.

Reading accepts both (static-site generators use either); writing is always
YAML, dumped with fixed settings so the same data gives the same bytes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import yaml

from .document import MarkdownFormatError

YAML_FENCE = "---"
TOML_FENCE = "+++"
# Bounds on what front matter may hold. Our own export nests four deep and
# holds a few hundred values; these leave room for any real file and keep a
# hostile one ("billion laughs", thousands of brackets) from costing more
# than its own size.
MAX_FRONT_MATTER_CHARS = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 50_000
_TOML_LINE_RE = re.compile(r"at line (\d+)")
_TOML_WHERE_RE = re.compile(r"\s*\(at [^)]*\)")


@dataclass(frozen=True)
class FrontMatter:
    """What the top of a file held: the data, its syntax, and where the Markdown starts."""

    data: dict[str, Any]
    syntax: str  # "yaml", "toml" or "" when there was none
    body: str
    body_line: int  # 1-based line of the file where `body` starts


def locate_front_matter(lines: list[str]) -> tuple[str, int | None]:
    """The opening fence ("" when the file has none) and the index of its closing line.

    The closing index is None when the front matter is never closed.
    """
    fence = lines[0].rstrip(" \t") if lines else ""
    if fence not in (YAML_FENCE, TOML_FENCE):
        return "", None
    closers = (YAML_FENCE, "...") if fence == YAML_FENCE else (TOML_FENCE,)
    end = next(
        (index for index in range(1, len(lines)) if lines[index].rstrip(" \t") in closers), None
    )
    return fence, end


def split_front_matter(text: str) -> FrontMatter:
    """Separate the front matter from the Markdown; `text` has `\\n` line endings.

    Raises MarkdownFormatError, with the file's line number, for front matter
    that is never closed, does not parse, or is not a mapping.
    """
    lines = text.split("\n")
    fence, end = locate_front_matter(lines)
    if not fence:
        return FrontMatter({}, "", text, 1)
    if end is None:
        raise MarkdownFormatError(
            f"the front matter opened with {fence!r} is never closed by a {fence!r} line", 1
        )
    raw = "\n".join(lines[1:end])
    if fence == YAML_FENCE:
        data, syntax = _load_yaml(raw), "yaml"
    else:
        data, syntax = _load_toml(raw), "toml"
    return FrontMatter(data, syntax, "\n".join(lines[end + 1 :]), end + 2)


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors or aliases, and with bounded depth and size.

    An alias lets a few bytes expand into gigabytes ("billion laughs"), and
    nothing unblame writes uses one; nesting is bounded before PyYAML's
    composer recurses into it, so deep brackets cannot exhaust the stack.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _refused(
                "uses a YAML anchor or alias (& or *); write each value out in full", event
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _refused(f"holds more than {MAX_NODES:,} values", event)
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _refused(f"nests deeper than {MAX_DEPTH} levels", event)
        try:
            return super().compose_node(parent, index)
        finally:
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self._depth -= 1

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        # `2024-02-30` matches YAML's date pattern and then fails in Python's
        # calendar with a bare ValueError; say where and why.
        try:
            value = super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise _refused(f"has an impossible date {node.value!r} ({exc})", node) from None
        return value


_BoundedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _BoundedLoader.construct_yaml_timestamp
)


def _refused(problem: str, where: Any) -> MarkdownFormatError:
    # +2: the mark counts from 0, from the line after the opening fence.
    line = where.start_mark.line + 2 if where.start_mark is not None else 1
    return MarkdownFormatError(f"front matter {problem}", line)


def _load_yaml(raw: str) -> dict[str, Any]:
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise MarkdownFormatError(
            f"front matter is longer than {MAX_FRONT_MATTER_CHARS:,} characters", 2
        )
    loader = None
    try:
        loader = _BoundedLoader(raw)
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = exc.problem or exc.context or "cannot be parsed"
        raise MarkdownFormatError(f"front matter is not valid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise MarkdownFormatError(f"front matter is not valid YAML: {exc}", 1) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MarkdownFormatError(
            f"front matter must be a mapping of keys to values, not a {type(data).__name__}", 2
        )
    return {str(key): value for key, value in data.items()}


def _load_toml(raw: str) -> dict[str, Any]:
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise MarkdownFormatError(
            f"front matter is longer than {MAX_FRONT_MATTER_CHARS:,} characters", 2
        )
    # tomllib recurses into nested arrays and inline tables; a bound on the
    # brackets before parsing keeps the stack safe (counting a bracket inside
    # a string as well only ever refuses a file with thousands of them).
    if _max_nesting(raw) > MAX_DEPTH:
        raise MarkdownFormatError(f"front matter nests deeper than {MAX_DEPTH} levels", 2)
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE_RE.search(message)
        # tomllib counts lines from the first line after `+++`; "at end of
        # document" is the last line of the front matter.
        line = int(found.group(1)) if found else raw.count("\n") + 1
        problem = _TOML_WHERE_RE.sub("", message).strip()
        raise MarkdownFormatError(f"front matter is not valid TOML: {problem}", line + 1) from None


def _max_nesting(raw: str) -> int:
    depth = deepest = 0
    for char in raw:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def plain(value: Any) -> Any:
    """The value with dates and times as ISO strings and keys as strings.

    Foreign front matter can hold TOML times and YAML timestamps; as strings
    they survive being written back as YAML and read again unchanged.
    """
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


# Writing ------------------------------------------------------------------------------

# Characters PyYAML reads back changed from a plain or block scalar (it folds
# the Unicode line breaks, drops a byte-order mark): strings holding them are
# written double-quoted, where they are escaped.
_NEEDS_QUOTES = re.compile("[\r\x85\u2028\u2029\ufeff]")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        # Two equal lists must be written twice, not as an anchor and an alias.
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text reads best as a literal block; PyYAML falls back to a
    # quoted style by itself when a block could not hold the text exactly.
    if _NEEDS_QUOTES.search(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML text for the mapping, keys in the given order, ending with a newline."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        indent=2,
        width=100,
    )
