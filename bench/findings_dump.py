"""Dump every finding the analyzer gives on the project's texts, to diff two versions.

    .venv/bin/python bench/findings_dump.py OUT [--src SRC]

A speed change must not change a single finding. This writes one JSON line
per text: every sentence of corpus/*.jsonl and ../shared/eval/*.jsonl in each
of the three contexts (with and without a roster), and every Markdown file of
docs/, samples/ and ../shared/eval/docs as a document. Run it with the source
of another checkout (`--src /tmp/base/src`, say a git worktree of the commit
before the change) and `diff` the two files: the diff must be empty. The
shared sentences are read at run time, never stored in the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
CONTEXTS = ("document", "action_item", "chat")
# Names as a roster would hold them, so the roster's paths run too.
ROSTER = ("Dana", "Priya Raman", "sam.ortiz", "@jlee")


def texts() -> Iterator[tuple[str, str, str]]:
    """(label, text, kind) of every text to analyse, in a fixed order."""
    for path in [*sorted((REPO / "corpus").glob("*.jsonl")), *sorted(SHARED.glob("*.jsonl"))]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                yield f"{path.name}:{number}", json.loads(line)["text"], "sentence"
    for folder in (REPO / "docs", REPO / "samples", SHARED / "docs"):
        for path in sorted(folder.rglob("*.md")):
            yield str(path.relative_to(folder.parent)), path.read_text(encoding="utf-8"), "doc"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the unblame to run")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    from unblame.language import analyze

    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for label, text, kind in texts():
            runs = [(c, names) for c in CONTEXTS for names in ((), ROSTER)]
            for context, names in runs if kind == "sentence" else [("document", ())]:
                found = analyze(text, names=names, context=context)
                rows = [asdict(f) for f in found]
                record = {"text": label, "context": context, "roster": bool(names)}
                out.write(json.dumps({**record, "findings": rows}, default=str) + "\n")
                count += len(found)
    print(f"{count} findings written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
