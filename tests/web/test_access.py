from django.contrib.auth.models import AnonymousUser

from unblame.incidents.access import visible_events, visible_incidents
from unblame.incidents.models import TimelineEvent


def test_anonymous_sees_nothing(incident):
    assert not visible_incidents(AnonymousUser()).exists()


def test_outsider_sees_only_public_incidents(outsider, incident, restricted):
    assert list(visible_incidents(outsider)) == [incident]


def test_responder_sees_restricted_once_after_a_change_of_role(editor, restricted):
    # One role per person per incident: a second role replaces the first.
    restricted.add_responder(editor, "scribe", editor)
    assert restricted.responders.get(user=editor).role == "scribe"
    assert visible_incidents(editor).filter(pk=restricted.pk).count() == 1


def test_admin_sees_everything(admin, incident, restricted):
    assert visible_incidents(admin).count() == 2


def test_deactivated_user_sees_nothing(editor, restricted):
    editor.is_active = False
    assert not visible_incidents(editor).exists()


def test_events_of_restricted_incidents_stay_hidden(outsider, restricted):
    TimelineEvent.objects.create(incident=restricted, text="secret")
    assert not visible_events(outsider).exists()
