from unittest import mock

from django.db import DatabaseError


def test_it_answers_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_it_needs_no_login(client, db):
    assert client.get("/healthz").status_code == 200


def test_it_reports_a_database_failure(client, db):
    with mock.patch("unblame.server.views.connection.cursor", side_effect=DatabaseError):
        assert client.get("/healthz").status_code == 503
