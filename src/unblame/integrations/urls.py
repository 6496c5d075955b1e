from django.urls import path

from unblame.integrations import views

app_name = "integrations"

urlpatterns = [
    path("incidents/<int:pk>/import-chat/", views.chat_import, name="chat_import"),
    path(
        "incidents/<int:pk>/import-chat/<int:upload_pk>/",
        views.chat_preview,
        name="chat_preview",
    ),
    path(
        "incidents/<int:pk>/import-chat/<int:upload_pk>/discard/",
        views.chat_discard,
        name="chat_discard",
    ),
    path("hooks/alerts/<int:source_id>/", views.alert_webhook, name="alert_webhook"),
    path("settings/alert-sources/", views.alert_sources, name="alert_sources"),
    path(
        "settings/alert-sources/<int:pk>/rotate/",
        views.alert_source_rotate,
        name="alert_source_rotate",
    ),
    path(
        "settings/alert-sources/<int:pk>/delete/",
        views.alert_source_delete,
        name="alert_source_delete",
    ),
]
