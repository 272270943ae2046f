"""Media served by the site itself answer HTTP Range requests (Safari and podcast apps need them
to play and seek): the demo's real MP3 and MP4, through the URL configuration and middleware."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from collection.demo.media import MEDIA, file_bytes

pytestmark = pytest.mark.usefixtures("clear_caches")


def demo_file(kind):
    item = next(item for item in MEDIA if item.type == kind)
    return item.filename, file_bytes(item)


@pytest.fixture(params=["audio", "video"])
def media_file(request):
    filename, data = demo_file(request.param)
    storage = storages["default"]
    name = storage.save(f"media/range-test/{filename}", ContentFile(data))
    yield {"url": storage.url(name), "data": data, "type": request.param, "name": filename}
    storage.delete(name)


def body(response):
    return b"".join(response.streaming_content)


def test_whole_file_says_ranges_are_accepted(client, media_file):
    response = client.get(media_file["url"])
    assert response.status_code == 200
    assert body(response) == media_file["data"]
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(media_file["data"]))
    expected = "audio/mpeg" if media_file["type"] == "audio" else "video/mp4"
    assert response["Content-Type"] == expected


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-1", 0, 1),  # Safari's first probe
        ("bytes=0-0", 0, 0),  # a single byte (WhiteNoise refuses this one)
        ("bytes=100-", 100, None),  # seeking: from an offset to the end
        ("bytes=-1", -1, None),  # the last byte
        ("bytes=-500", -500, None),  # the last 500 bytes (MP4 players read the index there)
        ("bytes=10-99999999", 10, None),  # an end past the file is cut to its end
    ],
)
def test_a_satisfiable_range_gets_206_with_content_range(client, media_file, header, start, end):
    data = media_file["data"]
    size = len(data)
    first = start % size if start < 0 else start
    last = size - 1 if end is None else end
    response = client.get(media_file["url"], headers={"range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert response["Accept-Ranges"] == "bytes"
    assert body(response) == data[first : last + 1]
    assert response["Content-Length"] == str(last - first + 1)


@pytest.mark.parametrize("header", ["bytes=99999999-", "bytes=99999999-99999999"])
def test_an_unsatisfiable_range_gets_416(client, media_file, header):
    response = client.get(media_file["url"], headers={"range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(media_file['data'])}"


def test_if_range_with_a_stale_validator_gets_the_whole_file(client, media_file):
    etag = client.get(media_file["url"])["ETag"]
    fresh = client.get(media_file["url"], headers={"range": "bytes=0-9", "if-range": etag})
    assert fresh.status_code == 206 and body(fresh) == media_file["data"][:10]
    stale = client.get(media_file["url"], headers={"range": "bytes=0-9", "if-range": '"old"'})
    assert stale.status_code == 200 and body(stale) == media_file["data"]


def test_head_and_revalidation(client, media_file):
    head = client.head(media_file["url"])
    assert head.status_code == 200 and body(head) == b""
    assert head["Content-Length"] == str(len(media_file["data"]))
    again = client.get(media_file["url"], headers={"if-none-match": head["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_nothing_outside_the_media_folder_is_served(client):
    assert client.get("/media/../manage.py").status_code == 404
    assert client.get("/media/%2e%2e/%2e%2e/etc/passwd").status_code == 404
    assert client.get("/media/no-such-file.mp3").status_code == 404
    assert client.post("/media/anything.mp3").status_code in (403, 405)
