from django.urls import path

from unblame.actions import views

app_name = "actions"

urlpatterns = [
    path("actions/", views.action_list, name="list"),
    path("actions/export.csv", views.action_export, name="export"),
    path("incidents/<int:pk>/actions/", views.incident_page, name="incident"),
    path("incidents/<int:pk>/actions/new/", views.item_create, name="item_create"),
    path("incidents/<int:pk>/actions/check/", views.check, name="check"),
    path("incidents/<int:pk>/actions/<int:item_pk>/edit/", views.item_edit, name="item_edit"),
    path("incidents/<int:pk>/actions/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("incidents/<int:pk>/actions/<int:item_pk>/status/", views.item_status, name="item_status"),
    path("incidents/<int:pk>/factors/new/", views.factor_create, name="factor_create"),
    path("incidents/<int:pk>/factors/<int:factor_pk>/edit/", views.factor_edit, name="factor_edit"),
    path(
        "incidents/<int:pk>/factors/<int:factor_pk>/delete/",
        views.factor_delete,
        name="factor_delete",
    ),
    path("settings/factor-categories/", views.category_settings, name="categories"),
    path(
        "settings/factor-categories/<int:pk>/delete/",
        views.category_delete,
        name="category_delete",
    ),
]
