"""The index follows every save, edit, import and delete, and rebuilds from the records."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from unblame.actions.models import ContributingFactor, FactorCategory
from unblame.incidents.access import visible_incidents
from unblame.insights import index
from unblame.insights.models import SearchEntry
from unblame.insights.search import search
from unblame.integrations.chat import ChatMessage
from unblame.integrations.models import import_chat

from ..conftest import NOW
from .conftest import PUBLIC_WORD, write


def kinds_found(user, words, **options):
    return sorted(hit.kind for hit in search(visible_incidents(user), words, **options))


def test_editing_an_incident_replaces_its_words(incident, admin):
    incident.title = "Kestrel outage"
    incident.save()
    assert kinds_found(admin, "kestrel") == ["incident"]
    assert kinds_found(admin, "checkout errors") == []


def test_editing_a_section_replaces_its_words(public_texts, editor, admin):
    write(public_texts["review"], "impact", "Only the heron service slowed.", editor)
    assert kinds_found(admin, "heron") == ["section"]
    assert kinds_found(admin, PUBLIC_WORD, kind="section") == []


def test_emptying_a_section_takes_it_out(public_texts, editor):
    write(public_texts["review"], "impact", "", editor)
    assert not SearchEntry.objects.filter(kind="section", anchor="impact").exists()


def test_editing_an_event_replaces_its_words(incident, editor, admin):
    event = incident.add_event(editor, text="Paged the osprey team.")
    event.edit(editor, text="Paged the falcon team.")
    assert kinds_found(admin, "falcon") == ["event"]
    assert kinds_found(admin, "osprey") == []


def test_renaming_a_category_renames_its_factors(public_texts, admin):
    factor = public_texts["factor"]
    category = FactorCategory.objects.get(pk=factor.category_id)
    category.name = "Albatross defaults"
    category.save()
    assert kinds_found(admin, "albatross") == ["factor"]


@pytest.mark.parametrize("name", ["factor", "item"])
def test_deleting_a_factor_or_item_takes_it_out(public_texts, admin, name):
    public_texts[name].delete()
    kinds = kinds_found(admin, PUBLIC_WORD)
    assert len(kinds) == 4
    assert ("factor" if name == "factor" else "action_item") not in kinds


def test_deleting_a_comment_takes_it_out(public_texts, admin):
    public_texts["review"].sections.get(key="impact").comments.get().delete()
    assert "comment" not in kinds_found(admin, PUBLIC_WORD)


def test_deleting_an_incident_takes_all_its_text_out(incident, public_texts, admin):
    incident.delete()
    assert kinds_found(admin, PUBLIC_WORD) == []
    assert not SearchEntry.objects.exists()


def test_imported_chat_is_found(incident, editor, admin):
    messages = [
        ChatMessage(
            external_id=f"m{n}", occurred_at=NOW, author="dana", text=f"checking the lynx {n}"
        )
        for n in range(3)
    ]
    import_chat(incident, messages, editor)
    assert kinds_found(admin, "lynx") == ["event", "event", "event"]


def test_the_command_rebuilds_everything_from_the_records(public_texts, secret_texts, admin):
    before = sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "body"))
    SearchEntry.objects.all().delete()
    assert kinds_found(admin, PUBLIC_WORD) == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    after = sorted(SearchEntry.objects.values_list("kind", "object_id", "title", "body"))
    assert after == before
    sections = sum(1 for row in before if row[0] == "section")
    assert sections == 6  # impact, and the summary and timeline drafted from each record
    assert f"Review section: {sections}\n" in out.getvalue()
    assert f"Indexed {len(before)} texts." in out.getvalue()
    assert len(kinds_found(admin, PUBLIC_WORD)) == 5


def test_rebuilding_twice_leaves_one_row_per_text(public_texts, admin):
    first = index.rebuild()
    second = index.rebuild()
    assert first == second
    assert SearchEntry.objects.count() == sum(second.values())
    assert len(kinds_found(admin, PUBLIC_WORD)) == 5


def test_refreshing_nothing_writes_nothing(public_texts):
    count = SearchEntry.objects.count()
    index.refresh(ContributingFactor, [])
    assert SearchEntry.objects.count() == count


def test_migrating_an_installation_with_records_fills_an_empty_index(public_texts, admin):
    from unblame.insights.apps import fill_empty_index

    count = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    fill_empty_index(sender=None)
    assert SearchEntry.objects.count() == count
    # A filled index is left alone.
    SearchEntry.objects.filter(kind="comment").delete()
    fill_empty_index(sender=None)
    assert SearchEntry.objects.count() == count - 1


def test_generated_history_is_indexed_after_it_is_written(db, capsys):
    from unblame.cli import main
    from unblame.incidents.models import Incident

    assert main(["demo", "--incidents", "30"]) == 0
    assert "Indexed " in capsys.readouterr().out
    indexed = SearchEntry.objects.filter(kind="incident").values_list("object_id", flat=True)
    assert sorted(indexed) == sorted(Incident.objects.values_list("pk", flat=True))
    assert SearchEntry.objects.filter(kind="section").exists()


def test_a_rebuilt_index_numbers_texts_in_the_order_of_their_incidents(
    incident, restricted, public_texts, secret_texts
):
    # Search takes the highest ids as the newest texts of a common word.
    index.rebuild()
    rows = list(SearchEntry.objects.order_by("pk").values_list("incident_id", "kind"))
    first, second = sorted([incident.pk, restricted.pk])
    assert [incident_id for incident_id, _ in rows] == sorted(i for i, _ in rows)
    assert {kind for incident_id, kind in rows if incident_id == first} == {
        "incident",
        "event",
        "section",
        "comment",
        "factor",
        "action_item",
    }
    assert rows[-1][0] == second


def test_a_rebuild_writes_the_same_rows_as_saving_each_object(public_texts, secret_texts):
    saved = set(SearchEntry.objects.values_list("incident_id", "kind", "object_id", "body"))
    index.rebuild()
    rebuilt = set(SearchEntry.objects.values_list("incident_id", "kind", "object_id", "body"))
    assert rebuilt == saved
