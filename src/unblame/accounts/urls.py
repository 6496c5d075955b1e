from django.urls import path

from unblame.accounts import invite_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("account/", views.profile, name="profile"),
    path("account/api-token/", views.new_api_token, name="new_api_token"),
    path("account/api-token/revoke/", views.revoke_api_token, name="revoke_api_token"),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/role/", views.change_role, name="change_role"),
    path("people/invite/", invite_views.invite, name="invite"),
    path("invite/<str:token>/", invite_views.accept_invite, name="accept_invite"),
    path("audit/", views.audit_log, name="audit"),
    path("settings/roster/", views.roster_names, name="roster"),
    path("settings/roster/<int:pk>/delete/", views.roster_name_delete, name="roster_delete"),
]
