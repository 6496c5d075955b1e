from django.urls import include, path
from django.views.generic import RedirectView

from unblame.incidents.api import api
from unblame.server import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="incidents:list"), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("api/", api.urls),
    path("", include("unblame.accounts.urls")),
    path("", include("unblame.incidents.urls")),
    path("", include("unblame.integrations.urls")),
]

handler403 = "unblame.server.views.forbidden"
handler404 = "unblame.server.views.not_found"
