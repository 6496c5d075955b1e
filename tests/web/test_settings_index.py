"""The header's Settings link and the index behind it: each page shown to those who may open it."""

import re

from django.test import Client

from unblame.server.nav import SETTINGS_PAGES

ADMIN_PAGES = [page for page in SETTINGS_PAGES if page.admins_only]
SERVICES = next(page for page in SETTINGS_PAGES if page.url_name == "incidents:services")


def _nav(body: str) -> str:
    return re.search(r'<nav class="nav" aria-label="Main">(.*?)</nav>', body, re.S).group(1)


def test_it_lists_every_settings_page_for_an_admin(as_admin):
    body = as_admin.get("/settings/").content.decode()
    for page in SETTINGS_PAGES:
        assert f'<a href="{page.url}">{page.title}</a>' in body
        assert page.description in body


def test_editors_and_viewers_see_only_services(as_editor, as_viewer):
    for client in (as_editor, as_viewer):
        body = client.get("/settings/").content.decode()
        assert f'<a href="{SERVICES.url}">Services</a>' in body
        for page in ADMIN_PAGES:
            assert f'href="{page.url}"' not in body


def test_every_page_it_offers_opens_for_that_person(as_admin, as_viewer):
    for client in (as_admin, as_viewer):
        for page in client.get("/settings/").context["pages"]:
            assert client.get(page.url).status_code == 200


def test_the_pages_it_hides_from_viewers_are_forbidden_to_them(as_viewer):
    for page in ADMIN_PAGES:
        assert as_viewer.get(page.url).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(db):
    response = Client().get("/settings/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_main_nav_keeps_everyday_links_and_one_settings_link(as_admin):
    nav = _nav(as_admin.get("/incidents/").content.decode())
    assert re.findall(r">([^<]+)</a>", nav) == ["Incidents", "Actions", "Insights", "Settings"]


def _settings_link(client, url: str) -> str:
    nav = _nav(client.get(url).content.decode())
    return re.search(r'<a href="/settings/"[^>]*>', nav).group(0)


def test_the_settings_link_is_marked_on_the_index_and_on_pages_behind_it(as_admin):
    assert _settings_link(as_admin, "/settings/") == '<a href="/settings/" aria-current="page">'
    for page in SETTINGS_PAGES:
        assert _settings_link(as_admin, page.url) == '<a href="/settings/" aria-current="true">'
    assert _settings_link(as_admin, "/actions/") == '<a href="/settings/">'


def test_every_page_behind_it_leads_back_to_the_index(as_admin):
    for page in SETTINGS_PAGES:
        body = as_admin.get(page.url).content.decode()
        assert '<p class="crumbs"><a href="/settings/">Settings</a>' in body
