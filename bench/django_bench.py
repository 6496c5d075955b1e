"""Running a bench script in process against a throwaway test database.

Shared by the scripts that time pages through Django's test client
(editor_roundtrip.py, long_timeline.py): they import this module as a sibling.
"""

from __future__ import annotations

import os
from collections.abc import Callable


def with_test_database(run: Callable[[], int]) -> int:
    """Set Django up with the test settings, run `run()` on a fresh test database, drop it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unblame.server.settings_test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    # Not setup_test_environment(): it instruments template rendering, which
    # would time the test harness rather than the server.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        return run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
