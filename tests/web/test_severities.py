from unblame.incidents.models import Severity


def _formset(**changes):
    data = {"form-TOTAL_FORMS": "5", "form-INITIAL_FORMS": "4"}
    for index, severity in enumerate(Severity.objects.all()):
        for field in ("rank", "name", "label", "description"):
            data[f"form-{index}-{field}"] = getattr(severity, field)
        data[f"form-{index}-id"] = severity.pk
        data[f"form-{index}-version"] = severity.version
    data.update(changes)
    return data


def test_defaults_are_sev1_to_sev4(db):
    assert list(Severity.objects.values_list("name", flat=True)) == ["SEV1", "SEV2", "SEV3", "SEV4"]


def test_it_renames_a_severity(as_admin):
    response = as_admin.post(
        "/settings/severities/", _formset(**{"form-0-label": "Everything is on fire"})
    )
    assert response.status_code == 302
    assert Severity.objects.get(name="SEV1").label == "Everything is on fire"


def test_it_adds_a_severity(as_admin):
    as_admin.post("/settings/severities/", _formset(**{"form-4-rank": "5", "form-4-name": "SEV5"}))
    assert Severity.objects.filter(name="SEV5", rank=5).exists()


def test_it_rejects_a_duplicate_name(as_admin):
    response = as_admin.post("/settings/severities/", _formset(**{"form-1-name": "SEV1"}))
    assert response.status_code == 200
    assert Severity.objects.filter(name="SEV2").exists()


def test_it_forbids_non_admins(as_editor, as_viewer):
    assert as_editor.get("/settings/severities/").status_code == 403
    assert as_viewer.post("/settings/severities/", _formset()).status_code == 403
