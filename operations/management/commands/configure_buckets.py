"""`manage.py configure_buckets`: set up the object-storage buckets the settings point at.

- The media bucket (STORAGES["default"]): readable by anyone (media are public and served
  through plain URLs or a CDN), with a CORS rule so that `<video crossorigin>` can load WebVTT
  captions, and audio players can make range requests, from the site's origins.
- The submissions bucket (STORAGES["submissions"]): every kind of public access blocked, no
  bucket policy, server-side encryption. Files are only reached through short-lived signed
  links the admin creates.

Safe to run on every deploy: each step replaces the previous configuration.
"""

import json

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError


def s3_client_and_bucket(alias):
    storage = storages[alias]
    if not hasattr(storage, "bucket_name"):
        raise CommandError(
            f'STORAGES["{alias}"] is not an S3 storage: set AWS_STORAGE_BUCKET_NAME and '
            "SUBMISSIONS_BUCKET_NAME (docs/deployment.md)."
        )
    return storage.connection.meta.client, storage.bucket_name


def cors_rules(origins):
    return {
        "CORSRules": [
            {
                "AllowedMethods": ["GET", "HEAD"],
                "AllowedOrigins": list(origins),
                "AllowedHeaders": ["Range", "Origin"],
                "ExposeHeaders": ["Content-Length", "Content-Range", "Accept-Ranges", "ETag"],
                "MaxAgeSeconds": 86400,
            }
        ]
    }


def public_read_policy(bucket):
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadMedia",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


class Command(BaseCommand):
    help = "Create (with --create) and configure the public media and private submissions buckets."

    def add_arguments(self, parser):
        parser.add_argument("--create", action="store_true", help="Create missing buckets.")
        parser.add_argument(
            "--no-public-policy",
            action="store_true",
            help="Do not make the media bucket publicly readable (e.g. a CDN reads it with its "
            "own identity).",
        )

    def handle(self, *args, create, no_public_policy, **options):
        media_client, media_bucket = s3_client_and_bucket("default")
        private_client, private_bucket = s3_client_and_bucket("submissions")
        if media_bucket == private_bucket:
            raise CommandError("The submissions bucket must not be the media bucket.")
        if create:
            for client, bucket in ((media_client, media_bucket), (private_client, private_bucket)):
                existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
                if bucket not in existing:
                    client.create_bucket(Bucket=bucket, **self.location(client))
                    self.stdout.write(f"Created bucket {bucket}")

        media_client.put_bucket_cors(
            Bucket=media_bucket, CORSConfiguration=cors_rules(settings.MEDIA_CORS_ORIGINS)
        )
        if not no_public_policy:
            media_client.put_public_access_block(
                Bucket=media_bucket,
                PublicAccessBlockConfiguration={
                    "BlockPublicAcls": True,
                    "IgnorePublicAcls": True,
                    "BlockPublicPolicy": False,
                    "RestrictPublicBuckets": False,
                },
            )
            media_client.put_bucket_policy(
                Bucket=media_bucket, Policy=public_read_policy(media_bucket)
            )
        self.stdout.write(f"Media bucket {media_bucket}: public read, CORS for captions")

        private_client.put_public_access_block(
            Bucket=private_bucket,
            PublicAccessBlockConfiguration={
                "BlockPublicAcls": True,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": True,
                "RestrictPublicBuckets": True,
            },
        )
        try:
            private_client.delete_bucket_policy(Bucket=private_bucket)
        except private_client.exceptions.ClientError:
            pass
        private_client.put_bucket_encryption(
            Bucket=private_bucket,
            ServerSideEncryptionConfiguration={
                "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
            },
        )
        self.stdout.write(f"Submissions bucket {private_bucket}: private, encrypted")

    @staticmethod
    def location(client):
        region = client.meta.region_name
        if region and region != "us-east-1":
            return {"CreateBucketConfiguration": {"LocationConstraint": region}}
        return {}
