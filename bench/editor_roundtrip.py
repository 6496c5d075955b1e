"""How long the live analyzer takes on the server for a 5,000-word review section.

    .venv/bin/python bench/editor_roundtrip.py [--words 5000] [--runs 30]

Builds a throwaway test database, drafts a review, writes a section of about
--words words (sentences from corpus/sentences.jsonl, so it has findings to
mark, between neutral timeline prose), then times requests through Django's
test client, in process: no network, so this is the server's share of the
round trip. Baselines measured in the same run make the figure portable:
GET /healthz (the cheapest request the app answers) and GET of the review
page itself (which also analyses every section).

The analyzer remembers each check's matches by sentence text, so posting the
same text again measures little. Each kind of request is therefore timed as
an editor sends it: "typing" changes one sentence before every request (as
a writer does between two analyses), and "cold" sends a section none of
whose sentences the server has seen, the figure without any memo.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# The sibling module, on the path when this script runs from bench/.
from django_bench import with_test_database

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus" / "sentences.jsonl"
NEUTRAL = [
    "The deploy finished at 14:02 and the error rate rose two minutes later.",
    "The on-call engineer opened the checkout dashboard and saw the latency graph climb.",
    "A config change raised the connection pool size from 20 to 200.",
    "Traffic shifted to the second region while the database recovered.",
    "The alert fired once, cleared, and fired again eleven minutes later.",
]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return with_test_database(lambda: run(args))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    return parser.parse_args(argv)


def section_text(words: int, seed: int = 4) -> str:
    """Paragraphs of about `words` words: one corpus sentence in three, neutral prose between."""
    sentences = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines() if line]
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(sentences) if len(parts) % 3 == 0 else rng.choice(NEUTRAL)
        parts.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(parts[i : i + 6]) for i in range(0, len(parts), 6)]
    return "\n\n".join(paragraphs)


def run(args: argparse.Namespace) -> int:
    from django.test import Client
    from django.urls import reverse

    from unblame.accounts.models import User
    from unblame.incidents.models import Incident, Responder, Severity
    from unblame.reviews.services import draft_review

    editor = User.objects.create_user("bench", role=User.Role.EDITOR, first_name="Dana")
    incident = Incident.objects.create(title="Bench", severity=Severity.objects.first())
    Responder.objects.create(incident=incident, user=editor)
    review = draft_review(incident, editor)
    text = section_text(args.words)
    timeline = review.sections.get(key="timeline")
    timeline.save_body(editor, text, timeline.version)
    client = Client()
    client.force_login(editor)

    analyze_url = reverse("reviews:analyze", args=[incident.pk])
    form = {"body": text, "section": "timeline"}
    html = client.post(analyze_url, form, HTTP_HX_REQUEST="true")
    findings = len(
        client.post(analyze_url, form, HTTP_ACCEPT="application/json").json()["findings"]
    )
    assert html.status_code == 200, html.status_code
    print(f"section: {len(text.split())} words, {len(text)} characters, {findings} findings")

    typing, cold = Edits(text), Edits(text, cold=True)

    def post(edits: Edits, **headers: str) -> Callable[[], object]:
        return lambda: client.post(analyze_url, {**form, "body": edits.next()}, **headers)

    timings = {
        "GET /healthz (floor)": lambda: client.get("/healthz"),
        "POST analyze, typing (htmx)": post(typing, HTTP_HX_REQUEST="true"),
        "POST analyze, typing (JSON)": post(typing, HTTP_ACCEPT="application/json"),
        "POST analyze, cold (htmx)": post(cold, HTTP_HX_REQUEST="true"),
        "GET review page (baseline)": lambda: client.get(review.get_absolute_url()),
    }
    results, cpu = {}, {}
    for name, call in timings.items():
        results[name], cpu[name] = measure(call, args.runs)
    for name, samples in results.items():
        print(
            f"{name:32} median {median_ms(samples):7.1f} ms   p95 {p95_ms(samples):7.1f} ms"
            f"   CPU median {median_ms(cpu[name]):7.1f} ms"
        )
    page = median_ms(results["GET review page (baseline)"])
    for kind in ("typing", "cold"):
        samples = results[f"POST analyze, {kind} (htmx)"]
        print(
            f"ratio: the live analysis, {kind}, takes {median_ms(samples) / page:.2f}x"
            " a GET of the review page"
        )
        verdict = "under" if p95_ms(samples) < 100 else "OVER"
        print(f"budget: p95 of the htmx analysis, {kind}, is {verdict} 100 ms")
    return 0


class Edits:
    """The section as an editor posts it, a little different every time.

    Typing: one sentence (the next one each time, round the section) gains a
    word, so every request has one sentence the server has not seen. Cold:
    every sentence gains a word no request had before, so nothing is remembered.
    """

    def __init__(self, text: str, *, cold: bool = False) -> None:
        self.parts = text.split(". ")
        self.cold = cold
        self.count = 0

    def next(self) -> str:
        self.count += 1
        # Digits: a word of letters could be some rule's trigger word.
        mark = str(self.count)
        if self.cold:
            return ". ".join(f"{part} {mark}" for part in self.parts)
        parts = list(self.parts)
        at = self.count % len(parts)
        parts[at] = f"{parts[at]} {mark}"
        return ". ".join(parts)


def measure(call: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each call: the test client, the view and the
    database all run in this process, so its CPU time is the request's, and a busy
    machine disturbs it far less than the wall clock."""
    call()  # warm caches: compiled rules, templates, the session
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return samples, cpu


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
