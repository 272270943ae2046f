"""Indexes for the queries that join every story sharing a theme (the related-stories ranking,
the home page's theme counts): they read which pages are live in a language, and each story's
publication date, from narrow indexes instead of whole rows (docs/scaling.md).

The live pages' index is on Wagtail's page table, so it is made with SQL that PostgreSQL and
SQLite both accept (a partial index); Django's model state does not know it.
"""

from django.conf import settings
from django.db import migrations, models

LIVE_PAGES_INDEX = "mtg_live_page_locale_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("collection", "0007_external_video_duration"),
        ("illustrations", "0003_illustration_alt_text_per_language"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="storypage",
            index=models.Index(fields=["page_ptr", "first_published"], name="story_published_idx"),
        ),
        migrations.RunSQL(
            sql=(
                f"CREATE INDEX IF NOT EXISTS {LIVE_PAGES_INDEX} ON wagtailcore_page "
                "(locale_id, id) WHERE live AND alias_of_id IS NULL"
            ),
            reverse_sql=f"DROP INDEX IF EXISTS {LIVE_PAGES_INDEX}",
        ),
    ]
