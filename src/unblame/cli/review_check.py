"""`unblame review check FILE.md...`: would these review files be ready to publish?

The same readiness function as the web app's publish button
(unblame.reviews.readiness), over what each file would publish. No database,
no Django settings: the Markdown parser and the check are plain Python.
Exit 0 when every file is ready, 1 when any is not, 2 when a file cannot be
read as a review.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from unblame import __version__

from .common import CliError, display_path, read_bytes, split_list

JSON_VERSION = 1
EXIT_READY, EXIT_NOT_READY = 0, 1


def add_arguments(actions: Any) -> None:
    checking = actions.add_parser(
        "check",
        help="check review files are ready to publish, as the web app's publish button does",
        description="Check each review file (unblame's Markdown format, or a review written "
        "elsewhere) the way publishing does: required sections written, no blame left "
        "unacknowledged in sections, factors or action items, every action item linked to a "
        "factor. Exit 0 when all are ready, 1 when any is not, 2 on unreadable input.",
    )
    checking.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    checking.add_argument(
        "--format", choices=("text", "json"), default="text", help="default: text"
    )
    checking.add_argument(
        "--names",
        default="",
        metavar="NAMES",
        help="comma-separated names to read as people, besides the file's responders and "
        "[tool.unblame] names",
    )


def run(args: argparse.Namespace) -> int:
    from unblame.reviews.readiness import check

    names = _names(args)
    publications = [(path, _read(path, names)) for path in args.files]
    results = [(display_path(path), check(publication)) for path, publication in publications]
    out = render_json(results) if args.format == "json" else render_text(results)
    sys.stdout.write(out)
    return EXIT_READY if all(result.ready for _, result in results) else EXIT_NOT_READY


def _read(path: Path, names: tuple[str, ...]) -> Any:
    """What one file would publish; CliError (exit 2) when it cannot be read as a review."""
    from unblame.reviews.mdio import MarkdownFormatError, decode, parse_markdown
    from unblame.reviews.mdio.check import ensure_review, publication_of
    from unblame.reviews.mdio.document import normalise_newlines

    try:
        text = normalise_newlines(decode(read_bytes(path, "a review is far smaller")))
        text = text.removeprefix("\ufeff")
        parsed = parse_markdown(text)
        ensure_review(parsed, text)
        return publication_of(parsed, text, display_path(path), names)
    except MarkdownFormatError as exc:
        raise CliError(f"{path}: {exc}") from None


def _names(args: argparse.Namespace) -> tuple[str, ...]:
    from unblame.language import Config, ConfigError

    extra = split_list(args.names)
    first = args.files[0].parent if args.files else Path.cwd()
    try:
        config, _ = Config.discover(first if first.is_dir() else Path.cwd())
    except ConfigError as exc:
        raise CliError(str(exc)) from None
    return (*config.names, *extra)


def render_text(results: list[tuple[str, Any]]) -> str:
    """`path:line: where: message` per gap, then one verdict line per file."""
    lines = []
    for path, result in results:
        for gap in result.gaps:
            where = f"{gap.section}: " if gap.section else ""
            lines.append(f"{path}:{gap.line or 1}: {where}{gap.message}")
        count = len(result.gaps)
        verdict = "ready to publish" if result.ready else f"not ready, {count} gap"
        lines.append(f"{path}: {verdict}{'s' if count > 1 else ''}")
    return "\n".join(lines) + "\n"


def render_json(results: list[tuple[str, Any]]) -> str:
    """The versioned JSON document described in docs/cli.md."""
    files = [
        {
            "path": path,
            "ready": result.ready,
            "gaps": [{"path": path, **gap.to_dict()} for gap in result.gaps],
            "acknowledged": len(result.kept),
        }
        for path, result in results
    ]
    document = {
        "version": JSON_VERSION,
        "tool": {"name": "unblame", "version": __version__},
        "files": files,
        "summary": {
            "files": len(files),
            "ready": sum(1 for f in files if f["ready"]),
            "not_ready": sum(1 for f in files if not f["ready"]),
            "gaps": sum(len(f["gaps"]) for f in files),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
