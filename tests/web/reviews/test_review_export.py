"""The review as Markdown with YAML front matter."""

import yaml
from django.urls import reverse

from .conftest import add_action, add_factor, save


def _export(client, incident):
    return client.get(reverse("reviews:export", args=[incident.pk]))


def test_it_is_markdown_with_front_matter(as_viewer, incident, review):
    response = _export(as_viewer, incident)
    assert response["Content-Type"] == "text/markdown"
    assert f"incident-{incident.pk}-review.md" in response["Content-Disposition"]
    text = response.content.decode()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["incident"] == incident.pk
    assert meta["severity"] == "SEV2"
    assert meta["services"] == ["checkout"]
    assert meta["review_state"] == "draft"
    assert body.lstrip().startswith(f"# {incident.title}")


def test_every_section_is_a_heading_with_its_text(as_viewer, incident, review, editor):
    save(review, "learnings", "Canaries catch config pushes.", editor)
    text = _export(as_viewer, incident).content.decode()
    assert "## Learnings\n\nCanaries catch config pushes.\n" in text
    assert text.index("## Summary") < text.index("## Learnings")


def test_factors_and_action_items_are_listed_under_their_sections(as_viewer, incident, review):
    factor = add_factor(incident, "Config pushes skip the canary.")
    add_action(incident, "Route config pushes through the canary", factor)
    text = _export(as_viewer, incident).content.decode()
    factors = text[text.index("## Contributing factors") :]
    assert f"- **{factor.category}**: Config pushes skip the canary." in factors
    assert "- [ ] Route config pushes through the canary (open, owner: none)" in text


def test_an_outsider_gets_404_on_a_restricted_export(as_outsider, restricted, restricted_review):
    assert _export(as_outsider, restricted).status_code == 404
