from django.urls import path

from unblame.incidents import views

app_name = "incidents"

urlpatterns = [
    path("incidents/", views.incident_list, name="list"),
    path("incidents/export.csv", views.incident_export, name="export"),
    path("incidents/new/", views.incident_create, name="create"),
    path("incidents/<int:pk>/", views.incident_detail, name="detail"),
    path("incidents/<int:pk>/edit/", views.incident_edit, name="edit"),
    path("incidents/<int:pk>/status/", views.incident_transition, name="transition"),
    path("incidents/<int:pk>/responders/", views.responder_add, name="responder_add"),
    path(
        "incidents/<int:pk>/responders/<int:responder_pk>/remove/",
        views.responder_remove,
        name="responder_remove",
    ),
    path("incidents/<int:pk>/events/", views.event_add, name="event_add"),
    path("incidents/<int:pk>/events/<int:event_pk>/edit/", views.event_edit, name="event_edit"),
    path(
        "incidents/<int:pk>/events/<int:event_pk>/history/",
        views.event_history,
        name="event_history",
    ),
    path(
        "incidents/<int:pk>/events/<int:event_pk>/highlight/",
        views.event_highlight,
        name="event_highlight",
    ),
    path("services/", views.service_list, name="services"),
    path("settings/severities/", views.severity_settings, name="severities"),
]
