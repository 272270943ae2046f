"""Public URLs of the illustrations app (included from site_project/urls.py)."""

from django.urls import path

from . import views

app_name = "illustrations"

urlpatterns = [
    path("", views.credits_page, name="credits"),
]
