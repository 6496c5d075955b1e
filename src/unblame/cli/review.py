"""`unblame review import|export|check`: reviews kept in git.

Import and export run against the web app's database (UNBLAME_DATA_DIR or
UNBLAME_DATABASE_URL, as `unblame serve` does) with the authority of whoever
runs them: every incident is visible, restricted ones included. `check`
needs no database and no Django: see review_check.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import review_check
from .common import CliError, incident_number, read_bytes
from .server import start_django

NAME = "review"
HELP = "Import reviews from Markdown files, export one, or check files are ready to publish."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="create or update incidents and their reviews from Markdown files",
        description="Create or update an incident and its review from each file. A file "
        "exported by unblame updates its incident; a review written elsewhere becomes a new "
        "one. All files are imported, or none is.",
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    importing.add_argument(
        "--user", metavar="USERNAME", help="record the changes as this person's (default: none)"
    )
    importing.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the incident ids, not what went where",
    )
    exporting = actions.add_parser(
        "export",
        help="write an incident's review as Markdown (or HTML)",
        description="Write the review of incident ID as Markdown with front matter, which "
        "`unblame review import` reads back unchanged.",
    )
    exporting.add_argument("id", type=incident_number, metavar="ID", help="the incident's number")
    exporting.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output"
    )
    exporting.add_argument(
        "--format", choices=("markdown", "html"), default="markdown", help="default: markdown"
    )
    review_check.add_arguments(actions)


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    if args.action == "check":
        return review_check.run(args)
    return _export(args)


def _import(args: argparse.Namespace) -> int:
    from unblame.reviews.mdio import MarkdownFormatError, parse_markdown

    parsed = []
    # Every file is read and parsed before anything is written.
    for path in args.files:
        try:
            parsed.append((path, parse_markdown(read_bytes(path, "a review is far smaller"))))
        except MarkdownFormatError as exc:
            raise CliError(f"{path}: {exc}") from None
    start_django()
    from django.db import transaction

    from unblame.reviews.mdio.importer import ImportRefused, import_review

    actor = _actor(args.user)
    results = []
    with transaction.atomic():
        for path, result in parsed:
            try:
                results.append((path, import_review(result, actor, default_title=path.stem)))
            except ImportRefused as exc:
                raise CliError(f"{path}: {exc}; nothing was imported") from None
    for path, result in results:
        verb = "created" if result.created else "updated"
        print(f"{result.incident.pk}\t{verb}\t{path}\t{result.incident.title}")
        if not args.quiet:
            for line in result.summary:
                print(f"    {line}")
    return 0


def _actor(username: str | None):
    if username is None:
        return None
    from unblame.accounts.models import User
    from unblame.incidents.access import can_write

    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CliError(f"no active user {username!r}")
    if not can_write(user):
        raise CliError(f"{username} is a viewer; importing needs an editor or an admin")
    return user


def _export(args: argparse.Namespace) -> int:
    start_django()
    from unblame.reviews.mdio.export import export_review
    from unblame.reviews.mdio.html import export_html
    from unblame.reviews.models import Review

    review = Review.objects.select_related("incident").filter(incident_id=args.id).first()
    if review is None:
        from unblame.incidents.models import Incident

        if Incident.objects.filter(pk=args.id).exists():
            raise CliError(f"incident {args.id} has no review yet")
        raise CliError(f"no incident {args.id}")
    text = export_html(review) if args.format == "html" else export_review(review)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
        print(f"{args.id}\t{args.output}")
    _audit_export(review.incident, args)
    return 0


def _audit_export(incident, args: argparse.Namespace) -> None:
    """Exports are audited wherever they happen; here nobody is signed in (actor: none)."""
    from unblame.accounts.models import record_event

    file = args.output.name if args.output is not None else "stdout"
    details = {"via": "command line", "format": args.format, "file": file}
    record_event(None, "export", "incidents.incident", incident.pk, str(incident), details)
