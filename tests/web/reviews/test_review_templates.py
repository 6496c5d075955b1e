"""Review templates: admins add, rename, reorder and remove sections, and pick the default."""

from django.urls import reverse

from unblame.accounts.models import AuditEntry
from unblame.reviews.models import DEFAULT_SECTIONS, ReviewTemplate
from unblame.reviews.services import draft_review


def _default():
    return ReviewTemplate.objects.get(is_default=True)


def _formset_data(template, changes=None, new=None):
    """The edit form as the browser would post it, with rows changed or added."""
    sections = list(template.sections.all())
    data = {
        "template-name": template.name,
        "template-version": template.version,
        "sections-TOTAL_FORMS": len(sections) + 1,
        "sections-INITIAL_FORMS": len(sections),
        "sections-MIN_NUM_FORMS": 0,
        "sections-MAX_NUM_FORMS": 1000,
    }
    for i, s in enumerate(sections):
        row = {
            "id": s.pk,
            "position": s.position,
            "title": s.title,
            "key": s.key,
            "prompt": s.prompt,
            "version": s.version,
        }
        row.update((changes or {}).get(s.key, {}))
        data.update({f"sections-{i}-{k}": v for k, v in row.items()})
    # The browser posts the empty row's prefilled position; Django skips it unless changed.
    extra = {"position": max(s.position for s in sections) + 1, **(new or {})}
    for k, v in extra.items():
        data[f"sections-{len(sections)}-{k}"] = v
    return data


def _edit(client, template, **kwargs):
    url = reverse("reviews:template_edit", args=[template.pk])
    return client.post(url, _formset_data(template, **kwargs))


def test_the_default_template_has_the_issue_sections(db):
    keys = [s.key for s in _default().sections.all()]
    assert keys == [key for key, _, _ in DEFAULT_SECTIONS]


def test_admins_see_the_templates(as_admin):
    page = as_admin.get(reverse("reviews:templates")).content.decode()
    assert "Blameless review" in page
    assert "Where we got lucky" in page


def test_an_admin_renames_a_section(as_admin):
    template = _default()
    response = _edit(as_admin, template, changes={"learnings": {"title": "What we learned"}})
    assert response.status_code == 302
    assert template.sections.get(key="learnings").title == "What we learned"
    assert AuditEntry.objects.filter(object_type="reviews.reviewtemplate", action="update").exists()


def test_an_admin_reorders_sections_by_position(as_admin):
    template = _default()
    _edit(as_admin, template, changes={"learnings": {"position": 0}, "summary": {"position": 1}})
    assert [s.key for s in template.sections.all()][:2] == ["learnings", "summary"]


def test_an_admin_adds_a_section_and_its_key_comes_from_the_title(as_admin):
    template = _default()
    _edit(as_admin, template, new={"position": 99, "title": "Customer comms", "key": ""})
    assert template.sections.last().key == "customer_comms"


def test_an_admin_removes_a_section(as_admin):
    template = _default()
    _edit(as_admin, template, changes={"where_we_got_lucky": {"DELETE": "on"}})
    assert not template.sections.filter(key="where_we_got_lucky").exists()


def test_two_sections_cannot_share_a_key(as_admin):
    template = _default()
    response = _edit(as_admin, template, changes={"impact": {"key": "summary"}})
    assert response.status_code == 400
    assert template.sections.get(pk=template.sections.get(key="impact").pk).key == "impact"


def test_reviews_already_started_keep_their_sections(as_admin, incident, editor):
    review = draft_review(incident, editor)
    _edit(as_admin, _default(), changes={"summary": {"title": "Overview"}})
    assert review.sections.get(key="summary").title == "Summary"


def test_a_new_template_starts_as_a_copy_of_the_default(as_admin):
    response = as_admin.post(reverse("reviews:templates"), {"name": "Security review"})
    template = ReviewTemplate.objects.get(name="Security review")
    assert response["Location"] == reverse("reviews:template_edit", args=[template.pk])
    assert template.sections.count() == len(DEFAULT_SECTIONS)
    assert not template.is_default


def test_making_a_template_the_default_moves_the_flag(as_admin, incident, editor):
    template = ReviewTemplate.objects.create(name="Short")
    template.sections.create(key="story", title="Story", position=0)
    as_admin.post(reverse("reviews:template_default", args=[template.pk]))
    assert list(ReviewTemplate.objects.filter(is_default=True)) == [template]
    assert [s.key for s in draft_review(incident, editor).sections.all()] == ["story"]


def test_editors_and_viewers_cannot_manage_templates(as_editor, as_viewer):
    template = _default()
    for client in (as_editor, as_viewer):
        assert client.get(reverse("reviews:templates")).status_code == 403
        assert client.get(reverse("reviews:template_edit", args=[template.pk])).status_code == 403
        assert _edit(client, template, changes={"summary": {"title": "X"}}).status_code == 403
        url = reverse("reviews:template_default", args=[template.pk])
        assert client.post(url).status_code == 403
    assert template.sections.get(key="summary").title == "Summary"


def test_the_settings_index_links_to_templates_for_admins(as_admin, as_editor):
    url = reverse("reviews:templates")
    assert url in as_admin.get("/settings/").content.decode()
    assert url not in as_editor.get("/settings/").content.decode()
