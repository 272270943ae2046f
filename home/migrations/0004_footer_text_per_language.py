"""The footer's words become a translatable snippet (FooterText, one per language); the line
already written in the footer settings becomes the default language's FooterText. Editors and
Reviewers may edit footer text and submit translations (wagtail-localize's permission, which
its own migration gives only to groups that existed before ours); Illustrators get neither."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TRANSLATING_GROUPS = ["Editors", "Reviewers"]


def _permission(apps, app_label, model, codename, name):
    # The permission rows of a new model do not exist yet during `migrate`.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant_translation_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = [
        _permission(apps, "home", "footertext", "add_footertext", "Can add footer text"),
        _permission(apps, "home", "footertext", "change_footertext", "Can change footer text"),
        _permission(
            apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
        ),
    ]
    for group in Group.objects.filter(name__in=TRANSLATING_GROUPS):
        group.permissions.add(*permissions)


def copy_about_text(apps, schema_editor):
    """The default site's footer line (or any site's) as the default language's FooterText."""
    from wagtail.coreutils import get_supported_content_language_variant

    SiteFooterSettings = apps.get_model("home", "SiteFooterSettings")
    FooterText = apps.get_model("home", "FooterText")
    Locale = apps.get_model("wagtailcore", "Locale")
    settings_rows = SiteFooterSettings.objects.exclude(about_text="").order_by(
        "-site__is_default_site", "pk"
    )
    first = settings_rows.first()
    if first is None or FooterText.objects.exists():
        return
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=language)
    FooterText.objects.create(locale=locale, about_text=first.about_text)


def copy_back(apps, schema_editor):
    """Undo: the default language's footer line back into every site's footer settings."""
    SiteFooterSettings = apps.get_model("home", "SiteFooterSettings")
    FooterText = apps.get_model("home", "FooterText")
    text = FooterText.objects.order_by("pk").values_list("about_text", flat=True).first()
    if text:
        SiteFooterSettings.objects.update(about_text=text)



class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_shipped_locales"),
        ("illustrations", "0002_editorial_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="FooterText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "about_text",
                    models.TextField(
                        help_text="A line about the collection shown in every page's footer, "
                        "in this language."
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer text",
                "verbose_name_plural": "footer text",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(copy_about_text, copy_back),
        migrations.RunPython(grant_translation_permissions, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sitefootersettings", name="about_text"),
    ]
