"""The review page: sections as Markdown, findings, comments, state and readiness."""

from django.urls import reverse

from .conftest import add_action, add_factor, save


def _page(client, incident):
    return client.get(reverse("reviews:review", args=[incident.pk]))


def test_it_shows_every_section_in_order(as_viewer, incident, review):
    page = _page(as_viewer, incident).content.decode()
    titles = [s.title for s in review.sections.all()]
    positions = [page.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)


def test_sections_render_markdown(as_viewer, incident, review, editor):
    save(review, "learnings", "We **learned** this.\n\n- one\n- two", editor)
    page = _page(as_viewer, incident).content.decode()
    assert "We <strong>learned</strong> this." in page
    assert "<li>one</li>" in page


def test_raw_html_in_a_section_is_never_rendered(as_viewer, incident, review, editor):
    save(review, "learnings", "<script>alert(1)</script> [x](javascript:alert(1))", editor)
    page = _page(as_viewer, incident).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert 'href="javascript' not in page


def test_an_empty_section_shows_its_prompt(as_viewer, incident, review):
    prompt = review.sections.get(key="what_surprised_us").prompt
    assert prompt in _page(as_viewer, incident).content.decode()


def test_sections_with_findings_say_how_many(as_viewer, incident, review, editor):
    save(review, "timeline", "Dana broke checkout.", editor)
    assert "1 finding<" in _page(as_viewer, incident).content.decode()


def test_editors_get_edit_links_and_viewers_do_not(as_editor, as_viewer, incident, review):
    edit = review.sections.get(key="summary").edit_url()
    assert f'href="{edit}"' in _page(as_editor, incident).content.decode()
    assert f'href="{edit}"' not in _page(as_viewer, incident).content.decode()


def test_it_shows_the_state_and_who_started_it(as_viewer, incident, review):
    page = _page(as_viewer, incident).content.decode()
    assert "Draft" in page
    assert "by ed" in page


def test_it_links_to_the_markdown_and_html_exports(as_viewer, incident, review):
    page = _page(as_viewer, incident).content.decode()
    assert reverse("review_markdown:markdown", args=[incident.pk]) in page
    assert reverse("review_markdown:html", args=[incident.pk]) in page


def test_it_shows_the_readiness_gaps(as_viewer, incident, review):
    assert "No contributing factor is recorded" in _page(as_viewer, incident).content.decode()


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _page(as_outsider, restricted).status_code == 404


def test_a_responder_reads_the_restricted_review(as_editor, restricted, restricted_review):
    assert _page(as_editor, restricted).status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client, incident, review):
    response = _page(client, incident)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_sub_pages_of_a_missing_review_are_404(as_editor, incident):
    for name in ("readiness", "summary"):
        assert as_editor.get(reverse(f"reviews:{name}", args=[incident.pk])).status_code == 404


def _section_html(page: str, key: str) -> str:
    start = page.index(f'id="section-{key}"')
    return page[start : page.index("</section>", start)]


def test_factors_and_items_are_listed_under_their_own_sections(as_viewer, incident, review):
    factor = add_factor(incident, "Config changes skip the canary.")
    add_action(incident, "Send config changes through the canary", factor)
    page = _page(as_viewer, incident).content.decode()
    factors = _section_html(page, "contributing_factors")
    items = _section_html(page, "action_items")
    assert "Config changes skip the canary." in factors
    assert "Send config changes through the canary" not in factors
    assert "Send config changes through the canary" in items
    assert items.index("through the canary") < items.index("action item changes the system")
    # No heading repeats the section's own title.
    assert factors.count("Contributing factors") == 1
    assert items.count("Action items") == 1


def test_without_action_items_it_says_so_once(as_viewer, incident, review):
    add_factor(incident, "Config changes skip the canary.")
    page = _page(as_viewer, incident).content.decode()
    assert page.count("No action items yet.") == 1
    assert "No action items yet." in _section_html(page, "action_items")


def test_a_template_with_only_one_of_the_sections_lists_both_there(as_viewer, incident, review):
    factor = add_factor(incident, "Config changes skip the canary.")
    add_action(incident, "Send config changes through the canary", factor)
    review.sections.filter(key="action_items").delete()
    html = _section_html(_page(as_viewer, incident).content.decode(), "contributing_factors")
    assert html.count("Contributing factors") == 1
    factor_at = html.index("Config changes skip the canary.")
    assert factor_at < html.index("<h3>Action items</h3>") < html.index("through the canary")


def test_a_template_with_neither_section_lists_them_in_a_card_of_their_own(
    as_viewer, incident, review
):
    add_factor(incident, "Config changes skip the canary.")
    review.sections.filter(key__in=["contributing_factors", "action_items"]).delete()
    page = _page(as_viewer, incident).content.decode()
    html = page[page.index('id="follow-up"') :]
    assert "<h3>Contributing factors</h3>" in html and "<h3>Action items</h3>" in html
    assert "Config changes skip the canary." in html
