"""Section Markdown is rendered once per text, and a kept rendering is as safe as a fresh one.

reviews/rendering.py keeps sanitised HTML in the "sections" cache under a hash
of the text. These tests count renders (never time them): a page viewed twice
renders each text once, an edit renders the new text, and no text is ever
shown another text's HTML.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.urls import reverse

from unblame.reviews import rendering
from unblame.reviews.rendering import RENDERER_VERSION, cache_key, markdown_html

from .conftest import save, section

HOSTILE = "[" * 2_000


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing kept, so counts do not depend on test order."""
    caches[rendering.CACHE_ALIAS].clear()
    yield
    caches[rendering.CACHE_ALIAS].clear()


@pytest.fixture
def renders(monkeypatch):
    """Every text handed to the real renderer, in order."""
    seen: list[str] = []
    real = rendering.render

    def counting(text: str) -> str:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(rendering, "render", counting)
    return seen


def page(client, incident):
    response = client.get(reverse("reviews:review", args=[incident.pk]))
    assert response.status_code == 200
    return response.content.decode()


# Rendered once ------------------------------------------------------------------------------


def test_two_views_of_a_review_render_each_text_once(as_viewer, incident, review, editor, renders):
    save(review, "impact", HOSTILE, editor)
    save(review, "timeline", "The deploy went out at **14:02**.", editor)
    first = page(as_viewer, incident)
    count = len(renders)
    second = page(as_viewer, incident)
    assert renders.count(HOSTILE) == 1
    assert len(renders) == count  # the second view rendered nothing
    assert "<strong>14:02</strong>" in first and "<strong>14:02</strong>" in second


def test_readers_share_the_rendering(as_viewer, as_editor, incident, review, editor, renders):
    save(review, "impact", HOSTILE, editor)
    page(as_viewer, incident)
    page(as_editor, incident)
    assert renders.count(HOSTILE) == 1


def test_the_same_text_in_two_sections_is_rendered_once(
    as_viewer, incident, review, editor, renders
):
    save(review, "impact", HOSTILE, editor)
    save(review, "timeline", HOSTILE, editor)
    html = page(as_viewer, incident)
    assert renders.count(HOSTILE) == 1
    assert html.count(HOSTILE) == 2


def test_the_html_export_uses_the_same_renderings(as_viewer, incident, review, editor, renders):
    save(review, "impact", HOSTILE, editor)
    page(as_viewer, incident)
    response = as_viewer.get(reverse("review_markdown:html", args=[incident.pk]))
    assert response.status_code == 200
    assert HOSTILE in response.content.decode()
    assert renders.count(HOSTILE) == 1


def test_an_empty_text_is_neither_rendered_nor_kept(renders):
    assert markdown_html("") == "" and markdown_html(None) == ""
    assert renders == []


# Edits and other texts ----------------------------------------------------------------------


def test_an_edit_is_rendered_and_shown_at_once(as_viewer, incident, review, editor, renders):
    save(review, "impact", "Checkout failed for **4%** of payments.", editor)
    assert "<strong>4%</strong>" in page(as_viewer, incident)
    save(review, "impact", "Checkout failed for *9%* of payments.", editor)
    html = page(as_viewer, incident)
    assert "<em>9%</em>" in html
    assert "<strong>4%</strong>" not in html
    assert renders.count("Checkout failed for *9%* of payments.") == 1


def test_going_back_to_an_earlier_text_shows_that_text(as_viewer, incident, review, editor):
    save(review, "impact", "First **one**.", editor)
    page(as_viewer, incident)
    save(review, "impact", "Second *two*.", editor)
    page(as_viewer, incident)
    save(review, "impact", "First **one**.", editor)
    html = page(as_viewer, incident)
    assert "First <strong>one</strong>." in html
    assert "<em>two</em>" not in html


def test_texts_that_differ_by_one_character_get_their_own_html():
    one, other = "Latency *rose*.", "Latency *rose*!"
    assert markdown_html(one) == "<p>Latency <em>rose</em>.</p>\n"
    assert markdown_html(other) == "<p>Latency <em>rose</em>!</p>\n"
    assert cache_key(one) != cache_key(other)


def test_a_kept_rendering_is_found_only_under_its_own_text():
    markdown_html("Kept *text*.")
    cache = caches[rendering.CACHE_ALIAS]
    assert cache.get(cache_key("Kept *text*.")) == "<p>Kept <em>text</em>.</p>\n"
    assert cache.get(cache_key("Kept *text*")) is None


def test_the_key_names_the_renderer_version():
    key = cache_key("x")
    assert key.startswith(f"md:{RENDERER_VERSION}:")
    assert len(key.rsplit(":", 1)[1]) == 64  # the whole SHA-256, not a prefix


def test_a_new_renderer_version_does_not_read_old_renderings(monkeypatch, renders):
    markdown_html("Versioned *text*.")
    monkeypatch.setattr(rendering, "RENDERER_VERSION", "next")
    markdown_html("Versioned *text*.")
    assert renders == ["Versioned *text*.", "Versioned *text*."]


# Sanitising ---------------------------------------------------------------------------------

SCRIPT = 'Before <script>alert("x")</script> after <img src=x onerror="alert(1)">'


def test_a_script_in_a_section_never_reaches_the_page_cold_or_warm(
    as_viewer, incident, review, editor
):
    save(review, "impact", SCRIPT, editor)
    for html in (page(as_viewer, incident), page(as_viewer, incident)):
        assert 'alert("x")</script>' not in html
        assert "<img src=x" not in html and "&lt;img src=x onerror" in html
        assert '&lt;script&gt;alert("x")&lt;/script&gt;' in html


def test_what_is_kept_is_the_cleaned_html():
    text = '[link](javascript:alert(1)) <b onclick="x()">b</b> [ok](https://example.com)'
    markdown_html(text)
    kept = caches[rendering.CACHE_ALIAS].get(cache_key(text))
    assert 'href="javascript' not in kept
    assert "<b " not in kept and "&lt;b onclick" in kept
    assert '<a href="https://example.com" rel="noopener noreferrer">ok</a>' in kept


def test_a_poisoned_cache_entry_cannot_be_reached_by_another_text():
    """Only render() writes a key; a key is the text's own hash, so no text maps to another's."""
    caches[rendering.CACHE_ALIAS].set(cache_key("other text"), "<script>bad()</script>")
    assert "<script>" not in markdown_html("<script>bad()</script>")


def test_html_the_renderer_returns_is_cleaned_before_it_is_kept(monkeypatch):
    class Raw:
        def render(self, text):
            return '<p onclick="steal()">hi</p><script>steal()</script>'

    monkeypatch.setattr(rendering, "_MARKDOWN", Raw())
    html = markdown_html("anything")
    kept = caches[rendering.CACHE_ALIAS].get(cache_key("anything"))
    assert html == kept == "<p>hi</p>"


# Visibility ---------------------------------------------------------------------------------


def test_a_restricted_review_stays_hidden_after_its_sections_are_kept(
    as_editor, as_outsider, restricted, restricted_review, editor
):
    save(restricted_review, "impact", "Secret **root cause**.", editor)
    assert "Secret <strong>root cause</strong>." in page(as_editor, restricted)
    response = as_outsider.get(reverse("reviews:review", args=[restricted.pk]))
    assert response.status_code == 404
    assert b"root cause" not in response.content


def test_the_section_is_the_one_saved(review, editor):
    save(review, "impact", "Plain words.", editor)
    assert section(review, "impact").body == "Plain words."


def test_renderings_live_apart_from_the_default_cache(settings, renders):
    """Insights reports fill "default"; clearing or culling it keeps section renderings."""
    assert settings.CACHES["sections"]["OPTIONS"]["MAX_ENTRIES"] == 500
    markdown_html("Apart *from* reports.")
    caches["default"].clear()
    markdown_html("Apart *from* reports.")
    assert renders == ["Apart *from* reports."]


def test_a_text_with_more_brackets_than_any_review_has_is_shown_as_typed(monkeypatch):
    # markdown-it is not asked at all: its cost per "[" is what the limit bounds.
    def no_markdown(text):
        raise AssertionError("markdown-it read a text past MAX_LINK_OPENERS")

    monkeypatch.setattr(rendering._MARKDOWN, "render", no_markdown)
    text = "[" * (rendering.MAX_LINK_OPENERS + 1) + "\n\nsecond <script>x</script> *para*"
    html = rendering.render(text)
    assert html.count("<p>") == 2
    assert "[" * 100 in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<em>" not in html


def test_a_text_at_the_bracket_limit_is_still_markdown():
    text = "[a](https://example.org) " + "[" * (rendering.MAX_LINK_OPENERS - 1)
    assert '<a href="https://example.org"' in rendering.render(text)
