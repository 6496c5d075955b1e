from django.urls import include, path
from django.views.generic import RedirectView

# Imported for their routes, which register on the same objects as the reads
# of their paths (a second router with the same path would answer 405).
from unblame.actions import api_writes as _action_writes  # noqa: F401
from unblame.actions.api import router as actions_api
from unblame.incidents import api_writes as _incident_writes  # noqa: F401
from unblame.incidents.api import api
from unblame.reviews.api import router as reviews_api
from unblame.server import views

# Each app contributes its endpoints to the one API object (and its OpenAPI description).
api.add_router("", actions_api)
api.add_router("", reviews_api)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="incidents:list"), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/", api.urls),
    path("settings/", views.settings_index, name="settings"),
    path("", include("unblame.accounts.urls")),
    path("", include("unblame.incidents.urls")),
    path("", include("unblame.integrations.urls")),
    path("", include("unblame.actions.urls")),
    path("", include("unblame.reviews.urls")),
    path("", include("unblame.reviews.mdio.urls")),
    path("", include("unblame.insights.urls")),
]

handler403 = "unblame.server.views.forbidden"
handler404 = "unblame.server.views.not_found"
