"""How long the review page takes with hostile Markdown sections, cold and warm.

    .venv/bin/python bench/review_render.py [--chars 50000] [--runs 5]

Builds a throwaway test database with two reviews: a plain one (the default
template, sections of ordinary prose) and a hostile one whose sections are
each --chars characters of what markdown-it's inline pass is slowest on
(`[`, `![`, unclosed emphasis, backticks). Times GET of each review page
through Django's test client, in process:

- plain: the baseline, measured in the same run;
- hostile, cold: the section cache is cleared before each request, so every
  section is rendered (the first reader after an edit or a restart);
- hostile, warm: the renderings are kept (every later reader).

Also prints the time markdown-it and nh3 take on each hostile text alone.
The machine may be shared: read the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence

# The sibling module, on the path when this script runs from bench/.
from django_bench import with_test_database

PLAIN = (
    "The deploy finished at 14:02 and the error rate rose two minutes later. "
    "The on-call engineer opened the checkout dashboard and saw **latency** climb; "
    "see the [runbook](https://example.com/runbook) and `pool_size`.\n\n"
)


def hostile_texts(chars: int) -> dict[str, str]:
    """Texts of about `chars` characters that cost markdown-it the most per character."""
    return {
        "brackets": "[" * chars,
        "images": "![" * (chars // 2),
        "emphasis": "*a **b " * (chars // 7),
        "backticks": "`a ``b " * (chars // 7),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return with_test_database(lambda: run(args))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> int:
    from django.core.cache import caches
    from django.test import Client

    texts = hostile_texts(args.chars)
    time_renderer(texts)
    editor, plain, hostile = build_reviews(texts)
    client = Client()
    client.force_login(editor)
    sections = caches["sections"] if "sections" in caches.settings else None

    def cold() -> object:
        if sections is not None:
            sections.clear()
        return client.get(hostile.get_absolute_url())

    timings = {
        "GET plain review (baseline)": lambda: client.get(plain.get_absolute_url()),
        "GET hostile review, cold": cold,
        "GET hostile review, warm": lambda: client.get(hostile.get_absolute_url()),
    }
    results = {name: measure(call, args.runs) for name, call in timings.items()}
    base = statistics.median(results["GET plain review (baseline)"])
    for name, samples in results.items():
        middle = statistics.median(samples)
        print(f"{name:30} median {middle * 1000:8.1f} ms  {middle / base:6.1f}x the plain review")
    return 0


def time_renderer(texts: dict[str, str]) -> None:
    """markdown-it and nh3 alone on each text, without Django around them."""
    try:
        from unblame.reviews.rendering import render
    except ImportError:  # before rendering.py: the template filter's renderer
        from unblame.reviews.templatetags.reviews_tags import markdown as render
    for name, text in texts.items():
        start = time.perf_counter()
        render(text)
        took = time.perf_counter() - start
        per_char = took / len(text) * 1e6
        print(f"render {name:10} {len(text):7,} chars {took * 1000:8.1f} ms  {per_char:5.1f} us/ch")


def build_reviews(texts: dict[str, str]) -> tuple[object, object, object]:
    """An editor, a plain review and one whose first sections hold the hostile texts."""
    from unblame.accounts.models import User
    from unblame.incidents.models import Incident, Responder, Severity
    from unblame.reviews.services import draft_review

    editor = User.objects.create_user("bench", role=User.Role.EDITOR, first_name="Dana")
    reviews = []
    for title, bodies in (("Plain", [PLAIN * 40] * len(texts)), ("Hostile", list(texts.values()))):
        incident = Incident.objects.create(title=title, severity=Severity.objects.first())
        Responder.objects.create(incident=incident, user=editor)
        review = draft_review(incident, editor)
        for section, body in zip(review.sections.order_by("position"), bodies, strict=False):
            section.save_body(editor, body, section.version)
        reviews.append(review)
    return editor, reviews[0], reviews[1]


def measure(call: Callable[[], object], runs: int) -> list[float]:
    response = call()  # warm templates, the session and, for a warm run, the cache
    assert getattr(response, "status_code", 200) == 200, response
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


if __name__ == "__main__":
    sys.exit(main())
