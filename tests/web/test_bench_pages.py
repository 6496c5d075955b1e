"""bench/pages.py's CPU column: this process's CPU time, plus the PostgreSQL server's."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

BENCH = Path(__file__).resolve().parents[2] / "bench" / "pages.py"


@pytest.fixture(scope="module")
def pages():
    spec = importlib.util.spec_from_file_location("bench_pages", BENCH)
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name while they are made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_quantiles_read_the_list_asked_for(pages):
    timing = pages.Timing(pages.Target("x", "/healthz"), 0.0, times=[1.0, 2.0, 3.0])
    timing.cpu = [0.3, 0.1, 0.2]
    assert timing.quantile(0.5) == 2.0
    assert timing.quantile(0.5, timing.cpu) == 0.2
    assert timing.quantile(0.95, timing.cpu) == 0.3


def test_cpu_seconds_count_work_in_this_process(pages, db):
    before = pages.cpu_seconds()
    deadline = time.process_time() + 0.05
    while time.process_time() < deadline:
        pass
    assert pages.cpu_seconds() - before >= 0.05


def test_the_server_share_is_the_postgresql_backend_s_or_nothing(pages, db):
    if connection.vendor != "postgresql":
        assert pages._server_cpu_seconds() == 0.0
        return
    before = pages._server_cpu_seconds()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM generate_series(1, 3000000)")
    # The query ran in the server process, not in this one.
    assert pages._server_cpu_seconds() - before > 0.01
