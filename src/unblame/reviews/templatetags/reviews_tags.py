"""Markdown for review sections, @mentions in comments, and the review links on an incident."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from unblame.incidents.access import can_write, visible_incidents
from unblame.reviews.models import MENTION_RE, Mention, Review
from unblame.reviews.rendering import markdown_html

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """The text rendered and cleaned, once per distinct text (reviews/rendering.py)."""
    return markdown_html(text)


@register.filter
def with_mentions(comment: Any) -> SafeString:
    """The comment as paragraphs, with each recorded @mention marked and linked to its person."""
    people = {mention.user.username: mention.user for mention in comment.mentions.all()}

    def mark(match: Any) -> str:
        user = people.get(match.group(1))
        if user is None:
            return match.group(0)
        # No mailto: link: every reader of the review would learn the person's address.
        return format_html('<strong class="mention" title="{}">@{}</strong>', user, user.username)

    # Usernames contain no character that escaping changes, so mentions survive it.
    return mark_safe(linebreaks(MENTION_RE.sub(mark, escape(comment.body))))


@register.inclusion_tag("reviews/_incident_links.html", takes_context=True)
def review_links(context: template.Context, incident: Any) -> dict[str, Any]:
    """The review and debrief buttons on the incident page; the page has checked access."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "incident": incident,
        "review": Review.objects.filter(incident=incident).first(),
        "can_write": can_write(user),
        "is_responder": bool(user and user.is_authenticated and incident.is_responder(user)),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def unseen_mentions(context: template.Context) -> int:
    """How many mentions of the reader they have not opened, on incidents they can see."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return Mention.objects.filter(
        user=user,
        seen_at__isnull=True,
        comment__section__review__incident__in=visible_incidents(user),
    ).count()


@register.inclusion_tag("reviews/_stale_facts.html", takes_context=True)
def stale_facts(context: template.Context, review: Review) -> dict[str, Any]:
    """What the incident record says now about facts drafted into the review, where it differs."""
    from unblame.reviews.diff import word_diff
    from unblame.reviews.facts import stale_facts as find_stale

    stale = find_stale(review)
    request = context.get("request")
    writer = request is not None and can_write(request.user) and review.is_editable
    rows = [(item, word_diff(item.drafted, item.fact.text)) for item in stale]
    return {
        "rows": rows,
        "review": review,
        "can_change": writer,
        "csrf_token": context.get("csrf_token"),
    }
