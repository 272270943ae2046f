"""Themes become translatable (wagtail-localize): each existing theme is put in the default
locale with a translation key of its own; names and slugs are unique per locale."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def bootstrap_themes(apps, schema_editor):
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("collection", "Theme")
    if not Theme.objects.exists():
        return
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locale, _ = Locale.objects.get_or_create(language_code=code)
    for theme in Theme.objects.all():
        theme.locale_id = locale.pk
        theme.translation_key = uuid.uuid4()
        theme.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("collection", "0004_video_captions_no_speech_and_go_live_date"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="theme",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="theme",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(bootstrap_themes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="theme",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="theme",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="theme",
            name="name",
            field=models.CharField(help_text="The theme as readers see it.", max_length=100),
        ),
        migrations.AlterField(
            model_name="theme",
            name="slug",
            field=models.SlugField(
                help_text="Used in links that filter stories by theme.", max_length=100
            ),
        ),
        migrations.AlterUniqueTogether(
            name="theme",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"), name="unique_theme_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="unique_theme_slug_per_locale"
            ),
        ),
    ]
