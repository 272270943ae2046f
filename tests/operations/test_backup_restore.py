"""A backup restores into an empty database with the same pages, images and submissions; with
age keys configured it is encrypted at rest and opens only with the matching identity."""

import hashlib

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from pyrage import x25519
from wagtail.models import Page

from illustrations.models import Illustration
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_caches")]


@pytest.fixture
def age_keys(settings):
    """A fresh age key pair: backups are encrypted to its public key, restored with its secret."""
    identity = x25519.Identity.generate()
    settings.BACKUP_AGE_RECIPIENTS = [str(identity.to_public())]
    settings.BACKUP_AGE_IDENTITY = str(identity)
    return identity


@pytest.fixture(params=["encrypted", "plain"])
def encryption(request, settings):
    if request.param == "encrypted":
        request.getfixturevalue("age_keys")
    return request.param


def first_choice(model, field):
    return model._meta.get_field(field).choices[0][0]


def make_submission():
    StorySubmission = apps.get_model("submissions", "StorySubmission")
    SubmissionFile = apps.get_model("submissions", "SubmissionFile")
    submission = StorySubmission.objects.create(
        name="Adaeze Okafor",
        email="adaeze@example.com",
        credit_preference=first_choice(StorySubmission, "credit_preference"),
        story_title="The form had no box for me",
        story_text="When I was asked to take part in a study...",
        preferred_format=first_choice(StorySubmission, "preferred_format"),
        consent_contact=True,
        consent_publish=True,
    )
    SubmissionFile.objects.create(
        submission=submission,
        file=ContentFile(b"%PDF-1.4 a private letter", name="k3j4h5.pdf"),
        original_name="letter.pdf",
        kind=first_choice(SubmissionFile, "kind"),
        content_type="application/pdf",
        size=25,
    )


def snapshot():
    """What a reader and an editor would check after a restore."""
    state = {
        "pages": sorted(
            (p.url_path, p.title, p.live, p.specific_class.__name__) for p in Page.objects.all()
        ),
        "images": sorted(
            (i.title, i.file.name, i.description, hashlib.sha256(i.file.read()).hexdigest())
            for i in Illustration.objects.all()
        ),
    }
    if apps.is_installed("submissions"):
        StorySubmission = apps.get_model("submissions", "StorySubmission")
        state["submissions"] = sorted(
            (
                s.reference,
                s.story_title,
                s.email,
                [(f.original_name, f.file.open("rb").read()) for f in s.files.all()],
            )
            for s in StorySubmission.objects.all()
        )
    return state


def empty_everything():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for alias in ("default", "submissions"):
        storage = storages[alias]
        folders, files = storage.listdir("")
        stack = list(folders)
        for name in files:
            storage.delete(name)
        while stack:
            folder = stack.pop()
            sub_folders, sub_files = storage.listdir(folder)
            stack += [f"{folder}/{s}" for s in sub_folders]
            for name in sub_files:
                storage.delete(f"{folder}/{name}")


def test_backup_restores_into_an_empty_database(site_tree, tmp_path, client, encryption):
    hero = factories.IllustrationFactory(title="Hero of the first story")
    story = factories.StoryPageFactory(
        parent=site_tree["stories"],
        title="Who counts",
        slug="who-counts",
        hero_image=hero,
        body=[
            {"type": "paragraph", "value": "<p>Counting is a choice.</p>"},
            factories.illustration_block(factories.IllustrationFactory()),
        ],
    )
    draft = factories.StoryPageFactory(parent=site_tree["stories"], slug="a-draft", live=False)
    draft.save_revision()
    if apps.is_installed("submissions"):
        make_submission()
    before = snapshot()
    assert len(before["images"]) >= 2

    call_command("backup_site", str(tmp_path / "backup"), verbosity=0)
    if encryption == "encrypted":
        assert_nothing_readable(tmp_path / "backup")
    empty_everything()
    assert Page.objects.count() == 0
    assert Illustration.objects.count() == 0

    call_command("restore_site", str(tmp_path / "backup"), "--no-input", verbosity=0)

    assert snapshot() == before
    response = client.get("/stories/who-counts/")
    assert response.status_code == 200
    assert b"Who counts" in response.content
    assert client.get("/stories/a-draft/").status_code == 404
    # The search index is rebuilt from the restored pages.
    assert story.title in [p.title for p in Page.objects.live().search("Who counts")]


def assert_nothing_readable(folder):
    """One age file; no row, name, address or file of the site in the clear."""
    files = [path for path in folder.rglob("*") if path.is_file()]
    assert [path.name for path in files] == ["backup.tar.age"]
    data = files[0].read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    # Signatures long enough that random ciphertext never holds them by chance (three bytes
    # such as b"PNG" turn up in about one encrypted megabyte in sixteen).
    for secret in (b"adaeze@example.com", b"Who counts", b"%PDF-1.", b"manifest", b"\x89PNG\r\n"):
        assert secret not in data


def test_an_encrypted_backup_opens_only_with_its_identity(site_tree, tmp_path, settings, age_keys):
    staging = tmp_path / "staging"
    staging.mkdir()
    settings.BACKUP_STAGING_DIR = str(staging)
    factories.StoryPageFactory(parent=site_tree["stories"], slug="kept")
    if apps.is_installed("submissions"):
        make_submission()
    call_command("backup_site", str(tmp_path / "backup"), verbosity=0)
    assert list(staging.iterdir()) == []  # the plain copy is gone
    pages = Page.objects.count()

    settings.BACKUP_AGE_IDENTITY = str(x25519.Identity.generate())  # someone else's key
    with pytest.raises(CommandError, match="could not be decrypted"):
        call_command("restore_site", str(tmp_path / "backup"), "--no-input", verbosity=0)
    settings.BACKUP_AGE_IDENTITY = ""
    with pytest.raises(CommandError, match="BACKUP_AGE_IDENTITY"):
        call_command("restore_site", str(tmp_path / "backup"), "--no-input", verbosity=0)
    assert Page.objects.count() == pages

    # The identity from an age key file, as age-keygen writes it.
    key_file = tmp_path / "restore.key"
    key_file.write_text(
        f"# created: 2026-12-01\n# public key: {age_keys.to_public()}\n{age_keys}\n"
    )
    settings.BACKUP_AGE_IDENTITY_FILE = str(key_file)
    call_command("restore_site", str(tmp_path / "backup"), "--no-input", verbosity=0)
    assert Page.objects.filter(slug="kept").exists()
    assert list(staging.iterdir()) == []


def test_production_refuses_an_unencrypted_backup_unless_told(site_tree, tmp_path, settings):
    settings.BACKUP_REQUIRE_ENCRYPTION = True
    settings.BACKUP_AGE_RECIPIENTS = []
    with pytest.raises(CommandError, match="must be encrypted"):
        call_command("backup_site", str(tmp_path / "refused"), verbosity=0)
    assert not (tmp_path / "refused").exists()
    call_command("backup_site", str(tmp_path / "plain"), "--unencrypted", verbosity=0)
    assert (tmp_path / "plain" / "manifest.json").exists()


def test_a_malformed_public_key_is_refused_with_a_message(site_tree, tmp_path, settings):
    settings.BACKUP_AGE_RECIPIENTS = ["ssh-rsa-not-an-age-key"]
    with pytest.raises(CommandError, match="not an age public key"):
        call_command("backup_site", str(tmp_path / "backup"), verbosity=0)
    assert not (tmp_path / "backup").exists()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(site_tree, tmp_path):
    factories.StoryPageFactory(parent=site_tree["stories"], slug="kept")
    factories.IllustrationFactory()
    call_command("backup_site", str(tmp_path / "backup"), verbosity=0)
    damaged = next((tmp_path / "backup" / "files" / "default").rglob("*.png"))
    damaged.write_bytes(b"not the image")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore_site", str(tmp_path / "backup"), "--no-input", verbosity=0)
    assert Page.objects.count() == pages


def test_backup_will_not_write_into_a_folder_in_use(tmp_path):
    (tmp_path / "old.txt").write_text("something")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup_site", str(tmp_path), verbosity=0)
