"""Email to one person about one thing, if they have an address and want that kind of email.

Sent after the transaction commits, so a rolled-back change (a preview, a
refused save) never sends anything; a failing mail server is logged, never
an error for the person whose action caused the email.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

log = logging.getLogger(__name__)

# The kinds of email, each with the User field that turns it off.
KINDS = {
    "mention": "email_on_mention",
    "assigned": "email_on_assigned",
    "due": "email_on_due",
    "fell_due": "email_on_fell_due",
}


def wants(user: Any, kind: str) -> bool:
    """Whether `user` gets email of this kind: active, with an address, not turned off."""
    return bool(
        user is not None and user.is_active and user.email and getattr(user, KINDS[kind], False)
    )


def email_person(user: Any, kind: str, subject: str, body: str) -> bool:
    """Queue one email to `user` for after the commit; False when they do not get this kind."""
    if not wants(user, kind):
        return False
    address = user.email

    def send() -> None:
        try:
            send_mail(subject, body, None, [address])
        except Exception:  # SMTP, DNS or a misconfigured backend alike
            log.warning("could not send %s email to user %s", kind, user.pk, exc_info=True)

    transaction.on_commit(send)
    return True


def link(path: str) -> str:
    """An absolute link for an email, on the address people reach unblame at."""
    return f"{settings.SITE_URL}{path}"
