from django.urls import path

from unblame.incidents import trash_views, triage_views, views

app_name = "incidents"

urlpatterns = [
    path("incidents/", views.incident_list, name="list"),
    path("incidents/export.csv", views.incident_export, name="export"),
    path("incidents/new/", views.incident_create, name="create"),
    path("incidents/triage/", triage_views.triage, name="triage"),
    path("incidents/triage/<int:pk>/declare/", triage_views.triage_declare, name="triage_declare"),
    path("incidents/triage/<int:pk>/dismiss/", triage_views.triage_dismiss, name="triage_dismiss"),
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
    path("incidents/<int:pk>/delete/", trash_views.incident_delete, name="delete"),
    path("incidents/<int:pk>/merge/", trash_views.incident_merge, name="merge"),
    path(
        "incidents/<int:pk>/events/<int:event_pk>/delete/",
        trash_views.event_delete,
        name="event_delete",
    ),
    path("settings/trash/", trash_views.trash, name="trash"),
    path(
        "settings/trash/<str:kind>/<int:pk>/restore/",
        trash_views.trash_restore,
        name="trash_restore",
    ),
    path("settings/trash/<str:kind>/<int:pk>/purge/", trash_views.trash_purge, name="trash_purge"),
    path("services/", views.service_list, name="services"),
    path("settings/severities/", views.severity_settings, name="severities"),
]
