"""Backups encrypted at rest with age (pyrage): they hold personal data from submissions.

An encrypted backup is a folder holding one file, `backup.tar.age`: the plain backup folder
(operations/backup.py) as a tar archive, encrypted to one or more age public keys
(BACKUP_AGE_RECIPIENTS, `age1...`). Only the holder of a matching identity
(BACKUP_AGE_IDENTITY, `AGE-SECRET-KEY-1...`, or a key file named by BACKUP_AGE_IDENTITY_FILE)
can restore it; the web servers need only the public key, so a leaked server cannot read old
backups. Nothing in the folder is readable without the key: not the rows, the files, their
names, nor the manifest.

While a backup is made or restored the plain folder exists in a private staging folder (mode
0700, under BACKUP_STAGING_DIR or the system's temporary folder) and is removed afterwards,
whatever happens; put it on encrypted or memory-backed storage where that matters.

With BACKUP_REQUIRE_ENCRYPTION (on in production settings) a backup without recipients is
refused unless the caller explicitly allows an unencrypted one.
"""

import contextlib
import shutil
import tarfile
import tempfile
from pathlib import Path

import pyrage
from django.conf import settings
from pyrage import x25519

from . import backup

ARCHIVE_NAME = "backup.tar.age"
ARCHIVE_ROOT = "backup"


class BackupKeyError(ValueError):
    """A key is missing or malformed, or does not open the backup."""


def recipients():
    keys = []
    for text in settings.BACKUP_AGE_RECIPIENTS:
        try:
            keys.append(x25519.Recipient.from_str(text.strip()))
        except pyrage.RecipientError as error:
            raise BackupKeyError(
                f"BACKUP_AGE_RECIPIENTS holds {text[:12]!r}…, which is not an age public key "
                "(age1…)."
            ) from error
    return keys


def identities():
    """The identities to decrypt with: BACKUP_AGE_IDENTITY and the lines of the key file."""
    texts = [settings.BACKUP_AGE_IDENTITY] if settings.BACKUP_AGE_IDENTITY else []
    if settings.BACKUP_AGE_IDENTITY_FILE:
        path = Path(settings.BACKUP_AGE_IDENTITY_FILE)
        if not path.exists():
            raise BackupKeyError(f"BACKUP_AGE_IDENTITY_FILE: {path} does not exist.")
        # An age key file: comment lines (# created: ..., # public key: ...) and key lines.
        texts += [
            line.strip()
            for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]
    keys = []
    for text in texts:
        try:
            keys.append(x25519.Identity.from_str(text.strip()))
        except pyrage.IdentityError as error:
            raise BackupKeyError(
                "The backup identity is not an age secret key (AGE-SECRET-KEY-1…)."
            ) from error
    if not keys:
        raise BackupKeyError(
            "This backup is encrypted: set BACKUP_AGE_IDENTITY (or BACKUP_AGE_IDENTITY_FILE) "
            "to the age secret key that matches its recipient."
        )
    return keys


def is_encrypted(source):
    return (Path(source) / ARCHIVE_NAME).exists()


@contextlib.contextmanager
def staging_folder():
    """A private folder for the plain backup, removed afterwards whatever happens."""
    base = getattr(settings, "BACKUP_STAGING_DIR", "") or None
    folder = Path(tempfile.mkdtemp(prefix="mtg-backup-", dir=base))  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def encrypted_backup(destination):
    """Write an encrypted backup into `destination` (a new or empty folder): the manifest."""
    keys = recipients()
    if not keys:
        raise BackupKeyError("Set BACKUP_AGE_RECIPIENTS to the age public key(s) to encrypt to.")
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise ValueError(f"{destination} is not empty: choose a new folder for the backup.")
    with staging_folder() as staging:
        plain = staging / ARCHIVE_ROOT
        manifest = backup.backup(plain)
        archive = staging / "backup.tar"
        with tarfile.open(archive, "w") as tar:
            tar.add(plain, arcname=ARCHIVE_ROOT)
        target = destination / ARCHIVE_NAME
        partial = destination / (ARCHIVE_NAME + ".partial")
        with open(archive, "rb") as reader, open(partial, "wb") as writer:
            pyrage.encrypt_io(reader, writer, keys)
        partial.rename(target)  # a half-written archive never carries the final name
    return manifest


def encrypted_restore(source):
    """Decrypt `source`/backup.tar.age with the configured identity, check it, restore it."""
    keys = identities()
    with staging_folder() as staging:
        archive = staging / "backup.tar"
        with open(Path(source) / ARCHIVE_NAME, "rb") as reader, open(archive, "wb") as writer:
            try:
                pyrage.decrypt_io(reader, writer, keys)
            except pyrage.DecryptError as error:
                raise BackupKeyError(
                    f"The backup could not be decrypted ({error}): the identity does not match "
                    "its recipient, or the file is damaged. Nothing was changed."
                ) from error
        with tarfile.open(archive, "r") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(staging / "extracted", filter="data")
        archive.unlink()
        return backup.restore(staging / "extracted" / ARCHIVE_ROOT)


def write_backup(destination, allow_unencrypted=False):
    """Encrypted when recipients are configured; plain only where allowed. (manifest, encrypted)"""
    if settings.BACKUP_AGE_RECIPIENTS and not allow_unencrypted:
        return encrypted_backup(destination), True
    if settings.BACKUP_REQUIRE_ENCRYPTION and not allow_unencrypted:
        raise BackupKeyError(
            "Backups hold personal data and must be encrypted here: set BACKUP_AGE_RECIPIENTS "
            "to an age public key (age-keygen makes one), or pass --unencrypted to write a "
            "plain backup on purpose."
        )
    return backup.backup(destination), False


def restore_backup(source):
    if is_encrypted(source):
        return encrypted_restore(source)
    return backup.restore(source)
