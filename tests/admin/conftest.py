"""Fixtures for the admin comfort tests: one person in each role, and a story to look at."""

import pytest
from django.contrib.auth.models import Group

from tests import factories

ROLES = ("anonymous", "illustrator", "editor", "reviewer", "superuser")


def make_user(django_user_model, username, *groups, superuser=False):
    maker = (
        django_user_model.objects.create_superuser
        if superuser
        else django_user_model.objects.create_user
    )
    user = maker(username=username, email=f"{username}@example.org", password="pw")
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "edna", "Editors")


@pytest.fixture
def reviewer(db, django_user_model):
    return make_user(django_user_model, "rhys", "Reviewers")


@pytest.fixture
def superuser(db, django_user_model):
    return make_user(django_user_model, "root", superuser=True)


@pytest.fixture
def illustrator(site_tree, django_user_model):
    """An illustrator with an account, linked to their own contributor page."""
    user = make_user(django_user_model, "ama", "Illustrators")
    user.page = factories.ContributorPageFactory(
        parent=site_tree["contributors"], title="Ama Mensah", roles=["illustrator"], user=user
    )
    return user


@pytest.fixture
def people(illustrator, editor, reviewer, superuser):
    """Everyone by role; None stands for an anonymous visitor."""
    return {
        "anonymous": None,
        "illustrator": illustrator,
        "editor": editor,
        "reviewer": reviewer,
        "superuser": superuser,
    }


@pytest.fixture
def story(site_tree):
    return factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Who is missing from the biobank",
        slug="who-is-missing",
        summary="A story about the people genomic data leaves out.",
        hero_image=factories.IllustrationFactory(),
    )


def story_form_data(story, **overrides):
    """The page editor's POST data for `story` (as the browser sends it for a preview)."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {
        "title": story.title,
        "slug": story.slug,
        "summary": story.summary,
        "content_note": "",
        "format": story.format,
        "first_published": story.first_published.isoformat(),
        "hero_image": story.hero_image_id or "",
        "story_contributors": inline_formset([]),
        "comments": inline_formset([]),
        "body": streamfield(
            [
                ("section_heading", {"heading": "Looking for my sample", "level": "h2"}),
                ("paragraph", rich_text("<p>I gave blood on a wet Tuesday in 2008.</p>")),
            ]
        ),
        "listing_summary": "",
        "listing_image": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)
