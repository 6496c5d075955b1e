"""Peak memory of reading a chat upload, hostile and ordinary, in the same run.

    .venv/bin/python bench/chat_upload_memory.py

Measures, with tracemalloc, the peak Python memory of parse_chat_upload on:
an ordinary Slack export (5,000 messages, the baseline), the largest export
the limits let through (19,000 messages, about 4.5 MB of JSON), and hostile
zips: 19 MB of `{},` in a day file and in users.json (each an ~19 KB zip),
and 4 MB of `{},` (under the size limit, over the value limit). Prints each
peak in MB, its ratio to the baseline, the time taken and the outcome.
Before the limits, the 19 MB cases peaked at about 520 MB.
"""

from __future__ import annotations

import io
import json
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from unblame.integrations.chat import ChatParseError
from unblame.integrations.upload import parse_chat_upload


def zipped(name: str, payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, payload)
    return buffer.getvalue()


def messages(count: int) -> bytes:
    return json.dumps(
        [
            {
                "type": "message",
                "user": "U1",
                "text": f"step {n} " + "x" * 150,
                "ts": f"{1714550400 + n}.000100",
            }
            for n in range(count)
        ]
    ).encode()


def empty_objects(size: int) -> bytes:
    return b"[" + b"{}," * (size // 3) + b"{}]"


DAY = "incident/2024-05-01.json"
CASES = {
    "ordinary export (baseline)": zipped(DAY, messages(5_000)),
    "largest allowed export": zipped(DAY, messages(19_000)),
    "19 MB of {} in a day file": zipped(DAY, empty_objects(19 * 1024 * 1024)),
    "19 MB of {} in users.json": zipped("users.json", empty_objects(19 * 1024 * 1024)),
    "4 MB of {} in a day file": zipped(DAY, empty_objects(4 * 1024 * 1024)),
}


def measure(data: bytes) -> tuple[float, float, str]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        outcome = f"{len(parse_chat_upload('export.zip', data, tz='UTC')):,} messages"
    except ChatParseError as error:
        outcome = f"refused: {error}"
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6, elapsed, outcome


def main() -> int:
    baseline = None
    print(f"{'case':30} {'zip KB':>8} {'peak MB':>8} {'× base':>7} {'s':>6}  outcome")
    for name, data in CASES.items():
        peak, elapsed, outcome = measure(data)
        baseline = baseline or peak
        print(
            f"{name:30} {len(data) / 1024:8.1f} {peak:8.1f} {peak / baseline:7.2f} "
            f"{elapsed:6.2f}  {outcome[:70]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
