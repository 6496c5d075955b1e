"""Create the default review template, so a new installation can start reviews at once.

The rows are ordinary data afterwards: admins rename, reorder and add
sections on the Review templates page, and this migration never overwrites
those edits. The sections are copied here rather than imported, so later
changes to the code's defaults do not rewrite history.
"""

from django.db import migrations

SECTIONS = [
    (
        "summary",
        "Summary",
        "What happened, to whom and for how long, in a few sentences a newcomer can follow.",
    ),
    (
        "impact",
        "Impact",
        "Who was affected and how: customers, colleagues, data. Numbers where you have them.",
    ),
    (
        "timeline",
        "Timeline",
        "The story as the responders lived it: what they saw, what they tried, what they decided and "
        "why it made sense at the time.",
    ),
    (
        "contributing_factors",
        "Contributing factors",
        "The conditions that had to be true together for this to happen; each necessary, none "
        "sufficient alone.",
    ),
    (
        "what_went_well",
        "What went well",
        "The tools, practices and people that helped, so we keep them.",
    ),
    (
        "where_we_got_lucky",
        "Where we got lucky",
        "What could have made this worse but did not, and why.",
    ),
    (
        "what_surprised_us",
        "What surprised us",
        "Where our picture of the system turned out to differ from the system.",
    ),
    (
        "action_items",
        "Action items",
        "Changes to the system that close the gaps above: checks, defaults, automation, alerts, "
        "limits.",
    ),
    (
        "learnings",
        "Learnings",
        "What we know now about our systems and how we work that we did not know before.",
    ),
]


def create_default(apps, schema_editor):
    ReviewTemplate = apps.get_model("reviews", "ReviewTemplate")
    TemplateSection = apps.get_model("reviews", "TemplateSection")
    if ReviewTemplate.objects.exists():
        return
    template = ReviewTemplate.objects.create(name="Blameless review", is_default=True)
    for position, (key, title, prompt) in enumerate(SECTIONS):
        TemplateSection.objects.create(
            template=template, key=key, title=title, prompt=prompt, position=position
        )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(create_default, migrations.RunPython.noop)]
