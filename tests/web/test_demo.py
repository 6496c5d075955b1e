from datetime import UTC, datetime

from unblame.accounts.models import User
from unblame.incidents import demo_data
from unblame.incidents.access import visible_incidents
from unblame.incidents.demo import load_demo
from unblame.incidents.models import Incident, Service, TimelineEvent

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def test_it_loads_a_dozen_incidents(db):
    assert load_demo(now=NOW) == len(demo_data.INCIDENTS) == 12
    assert Incident.objects.count() == 12
    assert Service.objects.count() == len(demo_data.SERVICES)


def test_every_incident_has_a_valid_story(db):
    load_demo(now=NOW)
    for incident in Incident.objects.all():
        incident.full_clean()  # key moments in a possible order
        events = incident.events.exclude(source=TimelineEvent.SYSTEM_SOURCE).count()
        assert 4 <= events <= 15, incident.title
        assert incident.responders.exists()


def test_it_has_varied_statuses_severities_and_highlights(db):
    load_demo(now=NOW)
    assert Incident.objects.values("status").distinct().count() == 5
    assert Incident.objects.values("severity").distinct().count() == 4
    assert TimelineEvent.objects.filter(highlighted=True).count() >= 12


def test_restricted_demo_incidents_stay_hidden_from_outsiders(outsider):
    load_demo(now=NOW)
    assert Incident.objects.filter(restricted=True).count() == 2
    assert visible_incidents(outsider).count() == 10


def test_it_never_loads_twice(db):
    load_demo(now=NOW)
    assert load_demo(now=NOW) == 0
    assert Incident.objects.count() == 12


def test_reset_wipes_and_reloads(incident):
    load_demo(now=NOW)
    assert load_demo(reset=True, now=NOW) == 12
    assert Incident.objects.count() == 12
    assert not Incident.objects.filter(pk=incident.pk).exists()


def test_demo_people_cannot_sign_in(db):
    load_demo(now=NOW)
    assert not User.objects.get(username="amara").has_usable_password()


def test_the_ongoing_incident_started_in_the_past(db):
    load_demo(now=NOW)
    ongoing = Incident.objects.get(status="investigating")
    assert ongoing.impact_started_at < NOW
