from django.urls import path

from . import views

app_name = "review_markdown"

urlpatterns = [
    path("incidents/import/", views.review_import, name="import"),
    path("incidents/<int:pk>/review.md", views.review_markdown, name="markdown"),
    path("incidents/<int:pk>/review.html", views.review_html, name="html"),
]
