"""Private storage for files sent with a story: never publicly served.

Configured as STORAGES["submissions"]; a deployment may point it at a private bucket instead.
"""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside MEDIA_ROOT with no public URL: editors read files through the admin."""

    def url(self, name):
        raise ValueError(
            "Submission files have no public URL; open them through the admin file view."
        )
