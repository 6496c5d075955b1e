"""The world the authorization walk runs in: a restricted incident holding one of everything,
each with a secret word, and a cast of people on and off it.

Everything that belongs to the restricted incident carries `pangolin <secret>`:
searches ask for "pangolin" (which pages echo back) and the walk looks for the
secrets (which only someone who may see the incident should ever get).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cast import make_user
from django.test import Client

from unblame.accounts.models import User
from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder, TimelineEvent
from unblame.integrations.models import AlertSource, ChatUpload
from unblame.reviews.models import Comment, Debrief
from unblame.reviews.services import draft_review

SEARCH = "pangolin"
SECRETS = {
    "event": "walrusfield",
    "factor": "larkspurine",
    "action": "gondolith",
    "section": "marzipaned",
    "comment": "tundrabell",
    "chat": "quillhaven",
}
# The debrief is its author's alone: not even admins or other responders read it.
DEBRIEF_SECRET = "zephyrock"

# Who asks. `outsider_token` is the outsider's API token with no session.
ROLES = [
    "anonymous",
    "deactivated",
    "outsider_token",
    "viewer",
    "outsider",
    "responder_viewer",
    "responder",
    "admin",
]
# Those the restricted incident exists for.
SEES = {"responder_viewer", "responder", "admin"}
# Those who may change it.
WRITES = {"responder", "admin"}
# Signed in, as far as HTML pages go.
SIGNED_IN = {"viewer", "outsider", "responder_viewer", "responder", "admin"}


@dataclass
class World:
    restricted: Incident
    users: dict[str, User]
    values: dict[str, object]
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.restricted.title

    def client(self, role: str) -> Client:
        if role == "anonymous":
            return Client()
        if role == "outsider_token":
            return Client(HTTP_AUTHORIZATION=f"Bearer {self.tokens['outsider']}")
        client = Client()
        client.force_login(self.users[role])
        return client


def build(cast_users: dict[str, User], restricted: Incident, sev2) -> World:
    """The restricted incident with one of everything, and the people around it."""
    editor = cast_users["responder"]
    users = dict(cast_users)
    users["responder_viewer"] = make_user("rita", User.Role.VIEWER)
    users["deactivated"] = make_user("dee", User.Role.EDITOR)
    for role in ("responder_viewer", "deactivated"):
        Responder.objects.create(incident=restricted, user=users[role], role="responder")
    users["deactivated"].is_active = False
    users["deactivated"].save()

    def secret(name: str) -> str:
        return f"{SEARCH} {SECRETS[name]}"

    event = TimelineEvent.objects.create(incident=restricted, text=secret("event"))
    category = FactorCategory.objects.order_by("position").first()
    factor = ContributingFactor.objects.create(
        incident=restricted, category=category, description=secret("factor")
    )
    item = ActionItem.objects.create(incident=restricted, title=secret("action"))
    review = draft_review(restricted, editor)
    section = review.sections.get(key="timeline")
    section.save_body(editor, secret("section"), section.version)
    Comment.objects.create(section=section, author=editor, body=secret("comment"))
    upload = ChatUpload.objects.create(
        incident=restricted,
        uploaded_by=editor,
        filename="chat.txt",
        content=f"[2026-03-04 12:05] ed: {secret('chat')}\n".encode(),
        time_zone="UTC",
    )
    debrief = Debrief.objects.create(
        incident=restricted, author=editor, trying_to_do=f"{SEARCH} {DEBRIEF_SECRET}"
    )
    source = AlertSource.objects.create(
        name="alertmanager", token_digest="x", default_severity=sev2
    )
    values = {
        "pk": restricted.pk,
        "incident_id": restricted.pk,
        "event_pk": event.pk,
        "responder_pk": Responder.objects.get(incident=restricted, user=editor).pk,
        "upload_pk": upload.pk,
        "item_pk": item.pk,
        "item_id": item.pk,
        "factor_pk": factor.pk,
        "key": "timeline",
        "debrief_pk": debrief.pk,
        "template_pk": review.template_id,
        "source_id": source.pk,
        "kind": "incident",
        **_insight_values(),
    }
    world = World(restricted=restricted, users=users, values=values)
    world.tokens["outsider"] = users["outsider"].new_api_token()
    return world


def _insight_values() -> dict[str, str]:
    """A real report and block for /insights/<slug>/..., whichever reports exist."""
    try:
        from unblame.insights.views import REPORTS
    except ImportError:
        return {}
    slug = next(iter(REPORTS), "")
    return {"slug": slug, "block": "incidents"}
