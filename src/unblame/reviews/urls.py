from django.urls import path

from unblame.reviews import facts_views, views

app_name = "reviews"

review = "incidents/<int:pk>/review/"
section = review + "sections/<slug:key>/"
debrief = "incidents/<int:pk>/debrief/"

urlpatterns = [
    path(review, views.review_page, name="review"),
    path(review + "start/", views.review_start, name="start"),
    path(review + "state/", views.review_transition, name="transition"),
    path(review + "approve/", views.review_approve, name="approve"),
    path(review + "readiness/", views.readiness_page, name="readiness"),
    path(review + "acknowledge/", views.acknowledge_gap, name="acknowledge_gap"),
    path(review + "summary/", views.summary_page, name="summary"),
    path(review + "facts/refresh/", facts_views.facts_refresh, name="facts_refresh"),
    path(review + "facts/keep/", facts_views.facts_keep, name="facts_keep"),
    path(review + "analyze/", views.analyze_text, name="analyze"),
    path(section, views.section_edit, name="section_edit"),
    path(section + "history/", views.section_history, name="section_history"),
    path(section + "comments/", views.comment_add, name="comment_add"),
    path(section + "acknowledge/", views.acknowledge, name="acknowledge"),
    path(debrief, views.debrief, name="debrief"),
    path(debrief + "analyze/", views.debrief_analyze, name="debrief_analyze"),
    path(debrief + "<int:debrief_pk>/share/", views.debrief_share, name="debrief_share"),
    path(debrief + "<int:debrief_pk>/delete/", views.debrief_delete, name="debrief_delete"),
    path("mentions/", views.mention_list, name="mentions"),
    path("settings/review-templates/", views.template_list, name="templates"),
    path(
        "settings/review-templates/<int:template_pk>/",
        views.template_edit,
        name="template_edit",
    ),
    path(
        "settings/review-templates/<int:template_pk>/default/",
        views.template_default,
        name="template_default",
    ),
]
