"""CSV downloads that start at once and hold a few hundred rows in memory, whatever their length.

A whole history's export is tens of megabytes; built in one string it kept a
worker busy for many seconds before the first byte, and its memory grew with
the table. Rows are written as they are read instead, a batch at a time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

from django.http import StreamingHttpResponse

from unblame.server.spreadsheet import safe_row

T = TypeVar("T")
# Rows per chunk sent to the client, and per batch callers read from the database.
BATCH = 500


class _Echo:
    """A file-like object whose write hands the line back, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """Lists of up to `size` items, in order."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A streamed CSV download of `header` then `rows`, read lazily as the client takes them.

    Every row goes through spreadsheet.safe_row, so no caller can forget it.
    """
    writer = csv.writer(_Echo())

    def chunks() -> Iterator[str]:
        yield writer.writerow(header)
        for batch in batches(rows):
            yield "".join(writer.writerow(safe_row(row)) for row in batch)

    response = StreamingHttpResponse(chunks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
