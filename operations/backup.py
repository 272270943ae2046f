"""Back up and restore the whole site: database rows plus the files in every storage.

A backup is a folder:
    manifest.json    when it was made, with which versions, how many rows of each model and
                     which files (size and SHA-256) were in each storage
    db.json.gz       every row with its primary key, content types and permissions included,
                     as Django fixtures (database-agnostic: a SQLite backup restores into
                     PostgreSQL and back). Restore it with the same release of the code, then
                     run `migrate` if the target is newer.
    files/<storage>/ the files of STORAGES["default"] (images, audio, video, captions,
                     documents) and STORAGES["submissions"] (private: keep the backup private)

Natural keys are not used: Wagtail's root collection has none. Derived data is left out and
rebuilt on restore: sessions, the search index and the references index. On PostgreSQL, pg_dump is
faster for large sites (docs/backup.md); this format is the portable one, and the one the test
suite proves.
"""

import gzip
import hashlib
import json
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection, transaction

BACKED_UP_STORAGES = ("default", "submissions")
EXCLUDED_MODELS = [
    "sessions",
    "wagtailsearch.indexentry",
    "wagtailcore.referenceindex",
    # django-rq's admin placeholder: an unmanaged model with no table.
    "django_rq.dashboard",
]


def _excluded_labels():
    labels = list(EXCLUDED_MODELS)
    if apps.is_installed("modelsearch"):
        labels.append("modelsearch.indexentry")
    return [label for label in labels if _label_exists(label)]


def _app_labels_in_load_order():
    """Content types first: loading other rows fires signals that would create them anew."""
    labels = [config.label for config in apps.get_app_configs() if config.models_module]
    first = [label for label in ("contenttypes", "auth") if label in labels]
    return first + [label for label in labels if label not in first]


def _label_exists(label):
    app_label, _, model = label.partition(".")
    try:
        app_config = apps.get_app_config(app_label)
    except LookupError:
        return False
    if not model:
        return True
    try:
        app_config.get_model(model)
    except LookupError:
        return False
    return True


def _walk(storage, folder=""):
    """Every file name in a storage (FileSystemStorage and S3Storage both list folders)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}" if folder else sub)


def _sha256(fileobj):
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _row_counts(fixture_path):
    with gzip.open(fixture_path, "rt", encoding="utf-8") as handle:
        return dict(Counter(row["model"] for row in json.load(handle)))


def _clear_search_index():
    """Empty the search index, including SQLite's full-text table, which flush leaves alone
    (it is not a managed table) and which would then clash with the rebuilt index."""
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if (
            model._meta.app_label in ("wagtailsearch", "modelsearch")
            and "indexentry" in model._meta.model_name
            and model._meta.db_table in tables
        ):
            model._base_manager.all().delete()


def backup(destination):
    """Write a backup into `destination` (a new or empty folder). Returns the manifest."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise ValueError(f"{destination} is not empty: choose a new folder for the backup.")
    fixture = destination / "db.json.gz"
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for every table, so rows written during the backup cannot leave it
            # with a story whose contributors are missing.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            *_app_labels_in_load_order(),
            exclude=_excluded_labels(),
            output=str(fixture),
            verbosity=0,
        )
    files = {}
    for alias in BACKED_UP_STORAGES:
        storage = storages[alias]
        files[alias] = {}
        for name in sorted(_walk(storage)):
            target = destination / "files" / alias / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with storage.open(name, "rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy)
            with open(target, "rb") as copy:
                files[alias][name] = {"size": target.stat().st_size, "sha256": _sha256(copy)}
    manifest = {
        "created": datetime.now(UTC).isoformat(),
        "database_vendor": connection.vendor,
        "versions": {"django": django.__version__, "wagtail": wagtail.__version__},
        "rows": _row_counts(fixture),
        "files": files,
    }
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def read_manifest(source):
    source = Path(source)
    manifest_path = source / "manifest.json"
    if not manifest_path.exists() or not (source / "db.json.gz").exists():
        raise ValueError(f"{source} is not a backup: manifest.json or db.json.gz is missing.")
    manifest = json.loads(manifest_path.read_text())
    for alias, files in manifest["files"].items():
        for name, meta in files.items():
            path = source / "files" / alias / name
            if not path.exists():
                raise ValueError(f"The backup is incomplete: {alias}/{name} is missing.")
            with open(path, "rb") as handle:
                if _sha256(handle) != meta["sha256"]:
                    raise ValueError(f"The backup is damaged: {alias}/{name} does not match.")
    return manifest


def restore(source):
    """Replace the database's contents and the storages' files with the backup in `source`.

    The database must already have the schema (`manage.py migrate`). Everything is checked
    before anything is changed, and the database part is one transaction: a failed restore
    leaves the database as it was.
    """
    source = Path(source)
    manifest = read_manifest(source)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # TRUNCATE refuses to run while deferred foreign-key checks are pending.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # Every table emptied, content types and permissions too: the backup has them with
        # the primary keys its rows refer to.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        if connection.vendor == "postgresql":
            # Back to deferred checks: fixtures may list a row before the row it points at.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        ContentType.objects.clear_cache()
        call_command("loaddata", str(source / "db.json.gz"), verbosity=0)
        ContentType.objects.clear_cache()
    for alias, files in manifest["files"].items():
        storage = storages[alias]
        for name in files:
            if storage.exists(name):
                storage.delete(name)
            with open(source / "files" / alias / name, "rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:
                raise RuntimeError(f"{alias}/{name} was restored as {saved}")
    # Derived data, left out of the backup.
    _clear_search_index()
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
    return manifest
