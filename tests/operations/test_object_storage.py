"""Media and submissions on S3-compatible storage, against moto's S3 server on 127.0.0.1.

The settings are computed by importing the real settings module with the environment a
deployment would set (in a subprocess, since settings are read once per process), then applied
here with override_settings.
"""

import json

import boto3
import pytest
import requests
from botocore.exceptions import ClientError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import override_settings

from tests import factories
from tests.settings_probe import settings_in_subprocess

pytestmark = pytest.mark.django_db

SITE_ORIGIN = "https://mindthegap.example"


def settings_for(extra_env):
    return settings_in_subprocess(
        extra_env,
        "{'STORAGES': s.STORAGES, 'MEDIA_ORIGINS': s.MEDIA_ORIGINS, "
        "'CSP': s.CONTENT_SECURITY_POLICY['DIRECTIVES']}",
    )


@pytest.fixture(scope="module")
def s3_env(s3_server):
    return {
        "AWS_STORAGE_BUCKET_NAME": "mtg-media",
        "SUBMISSIONS_BUCKET_NAME": "mtg-submissions",
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }


@pytest.fixture(scope="module")
def s3_settings(s3_env):
    result = settings_for(s3_env)
    assert result.returncode == 0, result.stderr
    computed = json.loads(result.stdout)
    # The test settings point the submissions storage's folder at a temporary directory, which
    # means nothing to a bucket.
    computed["STORAGES"]["submissions"]["OPTIONS"].pop("location", None)
    return computed


@pytest.fixture
def on_s3(s3_settings, s3_env):
    with override_settings(STORAGES=s3_settings["STORAGES"], MEDIA_CORS_ORIGINS=[SITE_ORIGIN]):
        call_command("configure_buckets", "--create", verbosity=0)
        yield boto3.client(
            "s3",
            endpoint_url=s3_env["AWS_S3_ENDPOINT_URL"],
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )


def test_without_a_bucket_media_stay_on_the_local_filesystem():
    result = settings_for({"AWS_STORAGE_BUCKET_NAME": ""})
    assert result.returncode == 0, result.stderr
    storages_setting = json.loads(result.stdout)["STORAGES"]
    assert storages_setting["default"]["BACKEND"].endswith("FileSystemStorage")
    assert storages_setting["submissions"]["BACKEND"] == (
        "submissions.storage.PrivateFileSystemStorage"
    )


def test_submissions_may_not_share_the_media_bucket(s3_env):
    result = settings_for({**s3_env, "SUBMISSIONS_BUCKET_NAME": "mtg-media"})
    assert result.returncode != 0
    assert "SUBMISSIONS_BUCKET_NAME" in result.stderr
    result = settings_for({**s3_env, "SUBMISSIONS_BUCKET_NAME": ""})
    assert result.returncode != 0


def test_media_origin_is_allowed_by_the_content_security_policy(s3_settings, s3_server):
    assert s3_server in s3_settings["CSP"]["img-src"]
    assert s3_server in s3_settings["CSP"]["media-src"]


def test_uploaded_illustration_is_stored_in_the_media_bucket_and_public(on_s3):
    image = factories.IllustrationFactory()
    keys = [o["Key"] for o in on_s3.list_objects_v2(Bucket="mtg-media")["Contents"]]
    assert image.file.name in keys
    url = image.file.url
    assert "X-Amz-Signature" not in url  # a plain, cacheable address
    response = requests.get(url, timeout=10)
    assert response.status_code == 200
    assert response.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_captions_can_be_loaded_cross_origin_by_a_video_element(on_s3):
    name = storages["default"].save("media/captions/talk.vtt", ContentFile(b"WEBVTT\n\n"))
    rules = on_s3.get_bucket_cors(Bucket="mtg-media")["CORSRules"]
    assert rules[0]["AllowedOrigins"] == [SITE_ORIGIN]
    assert set(rules[0]["AllowedMethods"]) == {"GET", "HEAD"}
    response = requests.get(
        storages["default"].url(name), headers={"Origin": SITE_ORIGIN}, timeout=10
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == SITE_ORIGIN


def test_submission_files_are_in_their_own_bucket_and_never_public(on_s3, s3_server):
    storage = storages["submissions"]
    name = storage.save("submissions/2026/letter.pdf", ContentFile(b"%PDF-1.4 private"))
    assert storage.bucket_name == "mtg-submissions"
    media_keys = on_s3.list_objects_v2(Bucket="mtg-media").get("Contents", [])
    assert all(not o["Key"].endswith("letter.pdf") for o in media_keys)

    # Anyone asking for the object directly is refused.
    plain = f"{s3_server}/mtg-submissions/{name}"
    assert requests.get(plain, timeout=10).status_code == 403
    # The admin hands out short-lived signed links only.
    signed = storage.url(name)
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=300" in signed
    assert requests.get(signed, timeout=10).content == b"%PDF-1.4 private"

    block = on_s3.get_public_access_block(Bucket="mtg-submissions")
    assert all(block["PublicAccessBlockConfiguration"].values())
    with pytest.raises(ClientError):
        on_s3.get_bucket_policy(Bucket="mtg-submissions")
    encryption = on_s3.get_bucket_encryption(Bucket="mtg-submissions")
    rule = encryption["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
