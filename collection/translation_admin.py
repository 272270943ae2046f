"""What the admin adds to wagtail-localize for translators and the review workflow.

- **Out of date**: wagtail-localize keeps a copy of the original (its TranslationSource) from
  the last time translations were submitted or synced, but says nothing when the original has
  changed since. `out_of_date()` compares the two on the fields translators work on, and the
  translation's editor then says so, with the way to sync.
- **Submit for review**: wagtail-localize's translation editor replaces the page editor of a
  translated page and offers only "Publish", to those who may publish (Reviewers). Editors
  translate too, and their work must reach the Reviewers the way every page does: through the
  "Editorial review" workflow. `submit_translation_for_review` saves the translation as a
  draft revision (refusing one with untranslated text: a page is never half in one language)
  and starts the page's workflow; the Reviewers approve it, which publishes it.

Registered by collection/wagtail_hooks.py. Like the rest of the page admin, none of this is
open to Illustrators (illustrations/admin_access.py also covers wagtail-localize's own views).
"""

import json

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import Translation

SUBMIT_URL_NAME = "collection_submit_translation_for_review"
SYNC_URL_NAME = "collection_sync_translations"


def _current_data(instance):
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    # Serialised as wagtail-localize stores it (TranslationSource.update_from_db).
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def out_of_date(source):
    """Whether the original has changed, in anything translated or synced, since its content
    was last taken for translation (submitted or synced)."""
    try:
        instance = source.get_source_instance()
    except ObjectDoesNotExist:  # the original was deleted: nothing to sync from
        return False
    stored = json.loads(source.content_json)
    current = _current_data(instance)
    for field in get_translatable_fields(instance.__class__):
        if not (field.is_translated(instance) or field.is_synchronized(instance)):
            continue
        name = field.field_name
        if stored.get(name) != current.get(name):
            return True
    return False


def _translation_for(instance):
    """The enabled wagtail-localize translation that makes this page or snippet, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "source__locale")
        .first()
    )


def untranslated_count(translation):
    """How many of the original's text segments have no translation (or a broken one) in the
    target language. wagtail-localize's own publish fills those with the original's words."""
    return (
        translation.source.stringsegment_set.all()
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )


def _refuse_half_translated(request, translation):
    count = untranslated_count(translation)
    if not count:
        return False
    messages.error(
        request,
        f"{count} segment{'s are' if count != 1 else ' is'} not translated yet. Translate "
        "every segment first: a page is never published half in one language.",
    )
    return True


def _say_out_of_date(request, translation):
    if not out_of_date(translation.source):
        return
    sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    messages.warning(
        request,
        format_html(
            'The original ({}) has changed since this translation was last synced. <a href="{}">'
            "Sync translations</a> to bring in the new text, then translate what changed.",
            translation.source.locale.get_display_name(),
            sync_url,
        ),
    )


@hooks.register("before_edit_page", order=-10)
def translation_editor_notes(request, page):
    """Runs before wagtail-localize swaps in its translation editor: on a GET of a translated
    page, say whether the original has changed, and show Editors (who cannot publish) how to
    send their translation to the Reviewers; on its "Publish", refuse a translation with
    untranslated segments (wagtail-localize would fill them with the original's words).
    Otherwise returns nothing, so wagtail-localize's editor runs as usual."""
    translation = _translation_for(page)
    if translation is None:
        return None
    permissions = page.permissions_for_user(request.user)
    if request.method == "POST":
        # Those who may not publish meet wagtail-localize's own refusal.
        publishing = request.POST.get("action") == "publish" and permissions.can_publish()
        if publishing and _refuse_half_translated(request, translation):
            return redirect(request.path)
        return None
    _say_out_of_date(request, translation)
    if not permissions.can_publish() and permissions.can_submit_for_moderation():
        messages.info(
            request,
            format_html(
                'When the translation is complete, <a href="{}">submit it for review</a>: '
                "the Reviewers publish it.",
                reverse(SUBMIT_URL_NAME, args=[translation.pk]),
            ),
        )
    return None


@hooks.register("before_edit_snippet", order=-10)
def translated_snippet_notes(request, instance):
    """As for pages: say when the original has changed; refuse to save a half translation."""
    if not hasattr(instance, "translation_key"):
        return None
    translation = _translation_for(instance)
    if translation is None:
        return None
    if request.method == "POST":
        if request.POST.get("action") == "publish" and _refuse_half_translated(
            request, translation
        ):
            return redirect(request.path)
        return None
    _say_out_of_date(request, translation)
    return None


def submit_translation_for_review(request, translation_id):
    """Confirm (GET), then save the translation as a draft and start the page's workflow."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page):
        raise PermissionDenied
    page = page.specific
    permissions = page.permissions_for_user(request.user)
    workflow = page.get_workflow()
    if not permissions.can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if page.workflow_in_progress:
        messages.error(request, "This translation is already waiting for review.")
        return redirect(edit_url)
    if not permissions.can_submit_for_moderation():
        raise PermissionDenied
    if workflow is None:
        messages.error(request, "This page has no review workflow to submit it to.")
        return redirect(edit_url)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "collection/admin/submit_translation_for_review.html",
            {"page": page, "translation": translation, "workflow": workflow},
        )
    if _refuse_half_translated(request, translation):
        return redirect(edit_url)
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            "The translation does not fit the page's fields (a translated text is too long "
            "or a required one is empty): correct it before submitting it for review.",
        )
        return redirect(edit_url)
    page = Page.objects.get(pk=page.pk).specific
    workflow.start(page, request.user)
    messages.success(
        request, f"'{page.get_admin_display_title()}' was submitted for review ({workflow.name})."
    )
    return redirect(edit_url)


@hooks.register("construct_reports_menu")
def hide_translations_report(request, menu_items):
    """wagtail-localize shows its Translations report to everyone; the report lists pages,
    drafts included, so it is for those who work on pages (the view itself is closed to the
    others by illustrations/admin_access.py)."""
    if user_has_any_page_permission(request.user):
        return
    report_url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if getattr(item, "url", None) != report_url]


# Before wagtail-localize's own URLs, so its sync address is answered by the reviewed sync.
@hooks.register("register_admin_urls", order=-10)
def translation_admin_urls():
    from .translation_sync import ReviewedUpdateTranslationsView

    return [
        path(
            "translations/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name=SUBMIT_URL_NAME,
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name=SYNC_URL_NAME,
        ),
    ]
