from django.urls import include, path
from django.views.generic import RedirectView

from unblame.actions.api import router as actions_api
from unblame.incidents.api import api
from unblame.reviews.api import router as reviews_api
from unblame.server import views

# Each app contributes its endpoints to the one API object (and its OpenAPI description).
api.add_router("", actions_api)
api.add_router("", reviews_api)

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="incidents:list"), name="home"),
    path("healthz", views.healthz, name="healthz"),
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
