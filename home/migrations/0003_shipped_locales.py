"""The locales the site ships with: Welsh and Urdu beside the default English. Others are added
from the admin (Settings -> Locales)."""

from django.db import migrations

SHIPPED = ["cy", "ur"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in SHIPPED:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
