"""The HTML export reads as the pages do: labels and people's names, not stored values."""

from __future__ import annotations

import re

from django.urls import reverse


def html_of(client, incident) -> str:
    return client.get(reverse("review_markdown:html", args=[incident.pk])).content.decode()


def cells(page: str) -> list[str]:
    return re.findall(r"<td>([^<]*)</td>", page)


def test_event_kinds_are_labels(as_viewer, incident, written) -> None:
    page = html_of(as_viewer, incident)
    found = cells(page)
    assert "Chat message" in found and "Decision" in found and "Alert" in found
    assert "chat_message" not in found


def test_action_items_show_labels_and_the_owners_name(as_viewer, incident, written) -> None:
    found = cells(html_of(as_viewer, incident))
    assert "Dana Smith" in found
    assert "dana" not in found
    assert "P2 · high" in found and "Prevent" in found and "Detect" in found
    assert "p2" not in found and "prevent" not in found
    assert "Done" in found and "Open" in found


def test_responders_and_states_read_as_on_the_pages(as_viewer, incident, written) -> None:
    page = html_of(as_viewer, incident)
    assert "Dana Smith (scribe)" in page
    assert "(incident commander)" in page
    assert "incident_commander" not in page
    assert "<td>Investigating</td>" in page
    assert "<td>Draft</td>" in page
