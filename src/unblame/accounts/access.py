"""Access rules for account-level pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from unblame.accounts.models import User


def require_admin(request: HttpRequest) -> User:
    """The signed-in admin, or PermissionDenied for anyone else."""
    user = request.user
    if not (user.is_authenticated and user.is_admin):
        raise PermissionDenied
    return user
