"""Django settings for unblame, read from UNBLAME_* environment variables.

docs/self-hosting.md lists every variable. Defaults suit a single person
trying unblame on a laptop: SQLite under the data directory, no DEBUG.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
import platformdirs
from django.core.exceptions import ImproperlyConfigured

from unblame.server import datadir
from unblame.server.env import env_bool, env_int, env_list, env_str, env_timezone
from unblame.server.limits import MAX_FORM_BYTES
from unblame.server.queue import build_huey

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("UNBLAME_DATA_DIR") or platformdirs.user_data_dir("unblame")).resolve()


def _secret_key() -> str:
    """UNBLAME_SECRET_KEY, or a key generated once and kept in the data directory.

    Keeping it on disk means sessions survive restarts without asking a first
    time user to invent a key; a team deployment sets the variable instead.
    """
    from_env = env_str("UNBLAME_SECRET_KEY")
    if from_env:
        return from_env
    path = DATA_DIR / "secret_key"
    if not path.exists():
        datadir.create_private_file(path).write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("UNBLAME_DEBUG", False)
ALLOWED_HOSTS = env_list("UNBLAME_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("UNBLAME_CSRF_TRUSTED_ORIGINS")
SITE_NAME = env_str("UNBLAME_SITE_NAME", "unblame")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Listed so /api/docs uses its bundled Swagger UI instead of a CDN.
    "ninja",
    # The task queue's Django glue: db_task closes stale connections around tasks.
    "huey.contrib.djhuey",
    "unblame.server",
    "unblame.accounts",
    "unblame.incidents",
    "unblame.integrations",
    "unblame.actions",
    "unblame.reviews",
    "unblame.insights",
]

MIDDLEWARE = [
    # First, so that an oversized body is refused before anything reads it.
    "unblame.server.limits.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "unblame.accounts.middleware.TimezoneMiddleware",
    "unblame.accounts.middleware.RosterMiddleware",
    # Content-Security-Policy, Cache-Control, audit of restricted reads and downloads.
    "unblame.server.security.SecurityHeadersMiddleware",
]

# A body without files (forms, JSON, webhooks) over this is refused; see server/limits.py.
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_FORM_BYTES

ROOT_URLCONF = "unblame.server.urls"
WSGI_APPLICATION = "unblame.server.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "unblame.server.context_processors.site",
            ],
            "builtins": ["unblame.server.templatetags.unblame_tags"],
        },
    }
]


def _databases() -> dict:
    url = env_str("UNBLAME_DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=env_int("UNBLAME_DB_CONN_MAX_AGE", 60))
        config.setdefault("TEST", {})
        return {"default": config}
    # SQLite creates its file but not the folder around it, and with the
    # process's umask (often 0644): made here first, private; -wal and -shm follow its mode.
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": datadir.create_private_file(DATA_DIR / "unblame.sqlite3"),
            "OPTIONS": {
                # WAL lets readers carry on while one request writes; the busy
                # timeout makes a second writer wait instead of failing at once,
                # and IMMEDIATE takes the write lock up front so that wait can
                # happen (a deferred transaction upgrading its lock cannot retry).
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": env_int("UNBLAME_SQLITE_BUSY_TIMEOUT", 20, minimum=0),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Both caches live in the process's memory (no service to run). "default" keeps
# insights reports; "sections" keeps review Markdown rendered to HTML
# (reviews/rendering.py), apart so that many sections cannot push reports out.
# 500 renderings of at most ~250 KB each bound it at about 125 MB.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "sections": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "sections",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

# Background work (webhook deliveries, Slack replies, tracker syncs); see server/queue.py.
HUEY = build_huey(DATA_DIR, env_str("UNBLAME_DATABASE_URL"))

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "incidents:list"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Kept so hashes made by another hasher still verify and get upgraded.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Failed sign-ins within the window slow further attempts down (a doubling
# wait from LOGIN_BACKOFF_SECONDS) per account and client, per account and per
# address; accounts/throttle.py states the policy, docs/self-hosting.md too.
LOGIN_FAILURES_PER_USER = env_int("UNBLAME_LOGIN_FAILURES_PER_USER", 5, minimum=1)
LOGIN_FAILURES_PER_ACCOUNT = env_int("UNBLAME_LOGIN_FAILURES_PER_ACCOUNT", 20, minimum=1)
LOGIN_FAILURES_PER_ADDRESS = env_int("UNBLAME_LOGIN_FAILURES_PER_ADDRESS", 20, minimum=1)
LOGIN_FAILURE_WINDOW_MINUTES = env_int("UNBLAME_LOGIN_FAILURE_WINDOW_MINUTES", 15, minimum=1)
LOGIN_BACKOFF_SECONDS = env_int("UNBLAME_LOGIN_BACKOFF_SECONDS", 30, minimum=1)

# Secure cookies by default: only `unblame serve` on a loopback address turns
# this off, because browsers will not send them back over plain http.
SECURE_COOKIES = env_bool("UNBLAME_SECURE_COOKIES", True)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("UNBLAME_SESSION_DAYS", 14, minimum=1) * 24 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
# HSTS, for a deployment reached over HTTPS only (sent on HTTPS responses only;
# behind a proxy that needs UNBLAME_TRUSTED_PROXY so requests know they are HTTPS).
# Off by default: a browser that saw it refuses plain http for that long.
SECURE_HSTS_SECONDS = env_int("UNBLAME_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("UNBLAME_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("UNBLAME_HSTS_PRELOAD", False)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
USE_I18N = False
USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_USER_TIMEZONE = env_timezone("UNBLAME_DEFAULT_TIMEZONE", "UTC")

# Email, for action item reminders (`unblame remind`). Mail goes to the
# console unless an SMTP host is set, so a trial never emails anyone by surprise.
EMAIL_HOST = env_str("UNBLAME_EMAIL_HOST", "")
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email_backend = env_str("UNBLAME_EMAIL_BACKEND", "smtp" if EMAIL_HOST else "console")
if _email_backend not in _EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"UNBLAME_EMAIL_BACKEND={_email_backend!r} is not one of: {', '.join(_EMAIL_BACKENDS)}"
    )
EMAIL_BACKEND = _EMAIL_BACKENDS[_email_backend]
EMAIL_PORT = env_int("UNBLAME_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("UNBLAME_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("UNBLAME_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("UNBLAME_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("UNBLAME_EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set UNBLAME_EMAIL_USE_TLS or UNBLAME_EMAIL_USE_SSL, not both")
EMAIL_TIMEOUT = env_int("UNBLAME_EMAIL_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = env_str("UNBLAME_EMAIL_FROM", "unblame <unblame@localhost>")
# The address people open unblame at, for links in emails (no request to ask).
SITE_URL = env_str("UNBLAME_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"UNBLAME_SITE_URL={SITE_URL!r} must start with http:// or https://")

STATIC_URL = "/static/"
# No collectstatic step: WhiteNoise finds the vendored files in the apps'
# static folders directly, so a fresh install serves them offline.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden": {"()": "unblame.server.logfilters.ForbiddenWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["forbidden"]}},
    "root": {"handlers": ["console"], "level": env_str("UNBLAME_LOG_LEVEL", "INFO")},
}
