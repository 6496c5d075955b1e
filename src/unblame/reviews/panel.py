"""The findings list beside the editor, rendered in Python.

It is re-rendered on every pause in typing, and a long review has a hundred
findings: as a template loop this took as long as the analysis itself, as
format_html calls it takes a few milliseconds (bench/editor_roundtrip.py).
The markup is the same a template would give; every value is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.template.defaultfilters import truncatechars
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from unblame.reviews.analysis import Annotated

ITEM = (
    '<li id="finding-{index}" class="finding-item finding-{state}">'
    '<p class="finding-head"><span class="sev-label">{state}</span> '
    "<strong>{name}</strong> <code>{code}</code></p>"
    '<p><button type="button" class="link-button quote" data-start="{start}" data-end="{end}" '
    'aria-label="Select “{short}” in the text">“{short}”</button> '
    '<span class="muted small">line {line}</span></p>'
    "<p>{message}</p>"
    '<p class="suggestion"><strong>Try:</strong> {suggestion}</p>'
    "{rewrite}"
    '<details class="why"><summary>Why it matters</summary>'
    '<p class="small">{rationale}</p><p class="small muted">Source: {source}</p></details>'
    "{ack}</li>"
)
REWRITE = (
    '<div class="rewrite"><p><strong>A factual way to say it:</strong> {}</p>'
    '<p class="small">{}</p></div>'
)
KEPT = '<p class="small muted">Kept by {}: {}</p>'
ACK_FORM = (
    '<details class="ack"><summary>Keep these words</summary>'
    '<form method="post" action="{url}" hx-post="{url}" hx-target="#analysis" '
    'hx-include="#id_body">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<input type="hidden" name="rule" value="{code}">'
    '<input type="hidden" name="quote" value="{quote}">'
    '<label for="ack-reason-{index}">Why they stay</label>'
    '<input type="text" name="reason" id="ack-reason-{index}" maxlength="300" minlength="20" '
    'required aria-describedby="ack-rule-{index}">'
    '<p class="small muted" id="ack-rule-{index}">At least 20 characters and 4 words: a '
    "quotation, a title, a term of art. Everyone reviewing sees it.</p>"
    '<button type="submit" class="button small">Acknowledge</button></form></details>'
)


def findings_html(
    items: Sequence[Annotated], *, reminder: str, ack_url: str = "", csrf_token: str = ""
) -> SafeString:
    """The <li> of each finding; with `ack_url`, open findings get an acknowledge form."""
    return format_html_join(
        "", "{}", ((_item(item, reminder, ack_url, csrf_token),) for item in items)
    )


def _item(item: Annotated, reminder: str, ack_url: str, csrf_token: str) -> SafeString:
    finding, rule = item.finding, item.rule
    short = truncatechars(item.quote, 80)
    return format_html(
        ITEM,
        index=item.index,
        state="acknowledged" if item.acknowledged else finding.severity.value,
        name=rule.name,
        code=finding.rule,
        start=finding.start,
        end=finding.end,
        short=short,
        line=finding.line,
        message=finding.message,
        suggestion=finding.suggestion,
        rewrite=format_html(REWRITE, item.rewrite, reminder) if item.rewrite else "",
        rationale=rule.rationale,
        source=rule.source,
        ack=_ack(item, ack_url, csrf_token),
    )


def _ack(item: Annotated, ack_url: str, csrf_token: str) -> SafeString:
    if item.acknowledged:
        author = item.acknowledgement.author or "someone"
        return format_html(KEPT, author, item.acknowledgement.reason)
    if not ack_url:
        return mark_safe("")
    return format_html(
        ACK_FORM,
        url=ack_url,
        csrf=csrf_token,
        code=item.finding.rule,
        quote=item.quote,
        index=item.index,
    )
