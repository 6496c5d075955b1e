from django.urls import path

from unblame.insights import views

app_name = "insights"

urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("insights/", views.insights_index, name="index"),
    path("incidents/<int:pk>/related/", views.related_card, name="related"),
    path("insights/incidents/", views.drill_page, name="incidents"),
    path("insights/<slug:slug>/", views.report_page, name="report"),
    path("insights/<slug:slug>/<slug:block>.csv", views.report_csv, name="csv"),
]
