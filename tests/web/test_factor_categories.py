"""The admin page that extends the contributing-factor taxonomy."""

from unblame.accounts.models import AuditEntry
from unblame.actions.models import FactorCategory

from .actions_cast import *  # noqa: F403

URL = "/settings/factor-categories/"


def _formset(**changes):
    categories = list(FactorCategory.objects.all())
    data = {
        "form-TOTAL_FORMS": str(len(categories) + 1),
        "form-INITIAL_FORMS": str(len(categories)),
    }
    for index, category in enumerate(categories):
        for field in ("position", "name", "description"):
            data[f"form-{index}-{field}"] = getattr(category, field)
        data[f"form-{index}-id"] = category.pk
        data[f"form-{index}-version"] = category.version
    data.update(changes)
    return data


def test_it_lists_the_categories_with_an_empty_row(as_admin):
    response = as_admin.get(URL)
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 13
    assert response.context["formset"].forms[-1].initial["position"] is None


def test_it_adds_a_category_placed_last(as_admin, admin):
    response = as_admin.post(URL, _formset(**{"form-12-name": "Security controls"}))
    assert response.status_code == 302
    added = FactorCategory.objects.get(name="Security controls")
    assert added.position == 130 and not added.is_default
    assert list(FactorCategory.objects.all())[-1] == added
    assert AuditEntry.objects.get(action="create").after["name"] == "Security controls"


def test_it_renames_and_reorders(as_admin):
    as_admin.post(URL, _formset(**{"form-1-name": "Tests and staging", "form-1-position": "1"}))
    first = FactorCategory.objects.first()
    assert first.name == "Tests and staging" and first.is_default
    entry = AuditEntry.objects.get(action="update")
    assert entry.before == {"name": "Testing", "description": first.description, "position": 20}
    assert entry.after["position"] == 1


def test_it_refuses_a_duplicate_name_whatever_the_case(as_admin):
    response = as_admin.post(URL, _formset(**{"form-12-name": "testing"}))
    assert response.status_code == 400
    assert FactorCategory.objects.count() == 12


def test_it_deletes_an_unused_category(as_admin):
    staffing = FactorCategory.objects.get(name="Staffing and load")
    response = as_admin.post(f"{URL}{staffing.pk}/delete/", {"version": staffing.version})
    assert response.status_code == 302
    assert not FactorCategory.objects.filter(pk=staffing.pk).exists()
    assert AuditEntry.objects.get(action="delete").before == {"name": "Staffing and load"}


def test_it_keeps_a_category_in_use(as_admin, factor, category):
    response = as_admin.post(
        f"{URL}{category.pk}/delete/", {"version": category.version}, follow=True
    )
    assert FactorCategory.objects.filter(pk=category.pk).exists()
    assert "rename it instead" in response.content.decode()
    assert not AuditEntry.objects.filter(action="delete").exists()


def test_categories_in_use_offer_no_delete_button(as_admin, factor, category):
    body = as_admin.get(URL).content.decode()
    assert f'form="delete-category-{category.pk}"' not in body
    other = FactorCategory.objects.get(name="Testing")
    assert f'form="delete-category-{other.pk}"' in body


def test_it_is_for_admins_only(as_editor, as_viewer, category):
    assert as_editor.get(URL).status_code == 403
    assert as_viewer.post(URL, _formset()).status_code == 403
    assert as_editor.post(f"{URL}{category.pk}/delete/").status_code == 403
    assert FactorCategory.objects.count() == 12
