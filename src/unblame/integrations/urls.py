from django.urls import path

from unblame.integrations import slack_views, tracker_views, views, webhook_views

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
    path("hooks/slack/events", slack_views.events, name="slack_events"),
    path("hooks/slack/commands", slack_views.commands, name="slack_commands"),
    path("hooks/slack/interactions", slack_views.interactions, name="slack_interactions"),
    path("settings/slack/", slack_views.slack_settings, name="slack_settings"),
    path(
        "settings/slack/channels/<int:pk>/nudges/",
        slack_views.slack_channel_nudges,
        name="slack_channel_nudges",
    ),
    path("slack/link/", slack_views.slack_link, name="slack_link"),
    path("settings/webhooks/", webhook_views.endpoints, name="webhooks"),
    path("settings/webhooks/<int:pk>/", webhook_views.endpoint_log, name="webhook_log"),
    path(
        "settings/webhooks/<int:pk>/toggle/", webhook_views.endpoint_toggle, name="webhook_toggle"
    ),
    path(
        "settings/webhooks/<int:pk>/delete/", webhook_views.endpoint_delete, name="webhook_delete"
    ),
    path(
        "settings/webhooks/deliveries/<int:pk>/redeliver/",
        webhook_views.redeliver,
        name="webhook_redeliver",
    ),
    path("settings/trackers/", tracker_views.trackers, name="trackers"),
    path("settings/trackers/<int:pk>/delete/", tracker_views.tracker_delete, name="tracker_delete"),
    path(
        "incidents/<int:pk>/action-items/<int:item_pk>/send-to-tracker/",
        tracker_views.send_item,
        name="tracker_send",
    ),
    path("hooks/trackers/<int:pk>/", tracker_views.tracker_webhook, name="tracker_webhook"),
]
