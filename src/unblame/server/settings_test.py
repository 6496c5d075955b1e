"""Settings for the test suite: the real ones, with a fast password hasher."""

import os
import tempfile

# Never touch a developer's real data directory or secret key from a test run.
os.environ.setdefault("UNBLAME_DATA_DIR", os.path.join(tempfile.gettempdir(), "unblame-tests"))
os.environ.setdefault("UNBLAME_SECRET_KEY", "tests-only-not-a-secret")
# Background tasks run inline, in the test that caused them.
os.environ.setdefault("UNBLAME_TASKS_IMMEDIATE", "true")

from unblame.server.settings import *  # noqa: F403

# Argon2 is slow on purpose; tests create many users and log in a lot.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHITENOISE_AUTOREFRESH = True
