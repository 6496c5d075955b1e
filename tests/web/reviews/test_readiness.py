"""readiness(): what stands between a review and publication, each gap with a link."""

from django.urls import reverse

from unblame.reviews.models import FindingAcknowledgement
from unblame.reviews.services import readiness

from .conftest import add_action, add_factor, save, section, write_open_sections


def _codes(review):
    return [gap.code for gap in readiness(review)]


def test_a_fresh_draft_asks_for_its_open_sections_and_a_factor(review):
    gaps = [(gap.code, gap.section) for gap in readiness(review)]
    assert gaps == [
        ("unwritten_section", "Impact"),
        ("unwritten_section", "Contributing factors"),
        ("unwritten_section", "Action items"),
        ("no_factors", ""),
    ]


def test_a_written_draft_lacks_a_contributing_factor(review, editor):
    write_open_sections(review, editor)
    gaps = readiness(review)
    assert [gap.code for gap in gaps] == ["no_factors"]
    assert gaps[0].url == reverse("actions:incident", args=[review.incident_id])


def test_with_a_factor_and_clean_text_it_is_ready(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    assert readiness(review) == []


def test_an_empty_required_section_is_a_gap_that_links_to_its_editor(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "summary", "  \n\n", editor)
    (gap,) = readiness(review)
    assert (gap.code, gap.section) == ("unwritten_section", "Summary")
    assert gap.message == "Not written yet. Say what happened, to whom and for how long."
    assert gap.url == section(review, "summary").edit_url()


def test_a_section_that_only_repeats_its_prompt_is_unwritten(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    prompt = section(review, "action_items").prompt
    save(review, "action_items", f"{prompt}\n", editor)
    assert [(gap.code, gap.section) for gap in readiness(review)] == [
        ("unwritten_section", "Action items")
    ]


def test_the_drafted_impact_is_unwritten_until_its_question_is_answered(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    draft = section(review, "impact").versions.first().body
    assert draft.rstrip().endswith("Who was affected, and how:")
    save(review, "impact", draft, editor)
    assert [gap.section for gap in readiness(review)] == ["Impact"]
    save(review, "impact", draft + "Card payments failed for 40 minutes.\n", editor)
    assert readiness(review) == []


def test_sections_that_are_not_required_may_stay_empty(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    assert section(review, "what_surprised_us").body == ""
    assert readiness(review) == []


def test_a_template_without_a_required_section_does_not_ask_for_it(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    section(review, "impact").delete()
    assert readiness(review) == []


def test_an_error_finding_is_a_gap_that_links_to_it(dana, review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "Dana broke checkout.", editor)
    (gap,) = readiness(review)
    assert gap.code == "error_finding"
    assert gap.section == "Timeline"
    assert "“Dana broke”" in gap.message
    assert gap.url == section(review, "timeline").edit_url() + "#finding-0"


def test_a_blame_warning_is_a_gap_that_links_to_it(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "The on-call engineer should have checked the dashboard.", editor)
    (gap,) = readiness(review)
    assert (gap.code, gap.section, gap.rule) == ("finding", "Timeline", "UB301")
    assert "at least 20 characters and 4 words" in gap.message


def test_an_info_finding_is_not_a_gap(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "It would have been better to page the database team.", editor)
    assert readiness(review) == []


def test_an_acknowledged_error_finding_is_no_longer_a_gap(dana, review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "Dana broke checkout.", editor)
    FindingAcknowledgement.objects.create(
        section=section(review, "timeline"),
        rule="UB101",
        quote="Dana broke",
        reason="Dana's own words, quoted from the chat log",
    )
    assert readiness(review) == []


def test_human_error_as_the_cause_is_a_gap(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "summary", "The outage was caused by human error.", editor)
    assert _codes(review) == ["cause"]
    assert readiness(review)[0].message.startswith("Human error presented as the cause.")


def test_a_single_root_cause_is_a_gap_even_as_style_guidance(review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "summary", "The root cause was a missing index.", editor)
    assert _codes(review) == ["cause"]
    assert readiness(review)[0].message.startswith("A single root cause presented as the cause.")


def test_an_action_item_without_a_factor_is_a_gap(review, incident, editor):
    write_open_sections(review, editor)
    factor = add_factor(incident)
    add_action(incident, "Linked", factor)
    loose = add_action(incident, "Loose end")
    (gap,) = readiness(review)
    assert gap.code == "unlinked_action"
    assert "“Loose end”" in gap.message
    assert gap.url == loose.get_absolute_url()


def test_it_takes_precomputed_findings(dana, review, incident, editor):
    write_open_sections(review, editor)
    add_factor(incident)
    save(review, "timeline", "Dana broke checkout.", editor)
    annotated = {s.pk: [] for s in review.sections.all()}
    assert readiness(review, annotated=annotated) == []
