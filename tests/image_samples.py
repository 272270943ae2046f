"""Real hostile and revealing image files, built byte by byte for the tests.

Bombs: headers that claim gigapixels (PNG, WebP, GIF, JPEG), a real 109 KB PNG whose zlib stream
really inflates to 30,000 x 30,000 pixels, and files cut short. Revealing photos: a JPEG with
EXIF GPS, camera make/model/serial, maker notes, orientation 6, an ICC profile, a comment and
XMP location; a PNG with tEXt/zTXt/iTXt/eXIf; a WebP with EXIF and XMP.
"""

import functools
import io
import struct
import zlib

from PIL import Image, ImageCms, PngImagePlugin

# Words that must never reach a published file.
SECRETS = (
    b"Konica-Secret",
    b"ModelX-77",
    b"SN-4242",
    b"Elm Street 12",
    b"GPSLatitude",
    b"51.5007",
    b"photoshop:City",
)
MAKE, MODEL, SERIAL = "Konica-Secret", "ModelX-77", "SN-4242"
COMMENT = b"Taken at home, Elm Street 12"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    b'exif:GPSLatitude="51.5007N" exif:GPSLongitude="0.1246W" '
    b'photoshop:City="Elm Street 12"/></rdf:RDF></x:xmpmeta>'
)

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
TAG_MAKE, TAG_MODEL, TAG_ORIENTATION = 0x010F, 0x0110, 0x0112
TAG_MAKER_NOTE, TAG_BODY_SERIAL = 0x927C, 0xA431


def chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def png_claiming(width, height, idat=None):
    """A PNG header claiming width x height (1-bit grey), with a token zlib stream."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", idat if idat is not None else zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@functools.lru_cache(maxsize=1)
def png_bomb_30000():
    """A real decompression bomb: 109 KB that inflate to 30,000 rows of 30,000 pixels."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + 30000 // 8)
    stream = b"".join(compressor.compress(row) for _ in range(30000)) + compressor.flush()
    return png_claiming(30000, 30000, idat=stream)


def webp_claiming(width, height):
    """An extended (VP8X) WebP header claiming width x height."""
    payload = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little")
    payload += (height - 1).to_bytes(3, "little")
    vp8x = b"VP8X" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x


def gif_claiming(width, height):
    screen = struct.pack("<HHBBB", width, height, 0, 0, 0)
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02\x02\x44\x01\x00"
    return b"GIF89a" + screen + image + b"\x3b"


def jpeg_claiming(width, height):
    """A baseline JPEG header (SOF0) claiming width x height, with an empty scan."""
    sof = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    dqt = b"\x00" + bytes(range(1, 65))
    sos = b"\x01\x01\x00\x00\x3f\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xdb" + struct.pack(">H", len(dqt) + 2) + dqt
        + b"\xff\xc0" + struct.pack(">H", len(sof) + 2) + sof
        + b"\xff\xda" + struct.pack(">H", len(sos) + 2) + sos
        + b"\x00" * 16 + b"\xff\xd9"
    )  # fmt: skip


def avif_claiming(width, height):
    """A real small AVIF whose 'ispe' (image size) box is rewritten to claim width x height."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 20, 30)).save(buffer, "AVIF", quality=50)
    data = bytearray(buffer.getvalue())
    at = data.find(b"ispe")
    data[at + 8 : at + 16] = struct.pack(">II", width, height)
    return bytes(data)


def real_image(image_format, size=(40, 30), colour=(30, 120, 200), **options):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format, **options)
    return buffer.getvalue()


def truncated(image_format):
    data = real_image(image_format, size=(64, 48))
    return data[: len(data) * 2 // 3]


@functools.lru_cache(maxsize=1)
def srgb_profile():
    # One profile per run: littleCMS stamps each new profile with the time it was made.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def revealing_exif(orientation=6):
    exif = Image.Exif()
    exif[TAG_MAKE] = MAKE
    exif[TAG_MODEL] = MODEL
    exif[TAG_ORIENTATION] = orientation
    details = exif.get_ifd(EXIF_IFD)
    details[TAG_BODY_SERIAL] = SERIAL
    details[TAG_MAKER_NOTE] = b"Konica-Secret maker note: owner Ama, SN-4242"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (51.0, 30.0, 2.52)
    gps[3], gps[4] = "W", (0.0, 7.0, 28.56)
    return exif


def picture(size, colour=(200, 40, 40)):
    """Left half red, right half blue: a rotation shows."""
    image = Image.new("RGB", size, colour)
    image.paste((20, 40, 200), (size[0] // 2, 0, size[0], size[1]))
    return image


def gps_jpeg(size=(80, 40)):
    """A phone photo: GPS, make, model, serial, maker notes, orientation 6, ICC, COM and XMP."""
    buffer = io.BytesIO()
    picture(size).save(
        buffer,
        "JPEG",
        quality=90,
        exif=revealing_exif(),
        icc_profile=srgb_profile(),
        comment=COMMENT,
        xmp=XMP,
    )
    return buffer.getvalue()


def revealing_png(size=(40, 30)):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT.decode())
    info.add_text("Location", "Elm Street 12", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    buffer = io.BytesIO()
    picture(size).save(
        buffer,
        "PNG",
        pnginfo=info,
        exif=revealing_exif(orientation=1),
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()


def revealing_webp(size=(40, 30)):
    buffer = io.BytesIO()
    picture(size).save(
        buffer,
        "WEBP",
        quality=90,
        exif=revealing_exif(orientation=1),
        xmp=XMP,
        icc_profile=srgb_profile(),
    )
    return buffer.getvalue()


def private_metadata_in(data):
    """Every trace of location or device found in a file's bytes and its decoded metadata."""
    found = [secret.decode() for secret in SECRETS if secret in data]
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if exif.get_ifd(GPS_IFD):
            found.append("GPS IFD")
        for tag in (TAG_MAKE, TAG_MODEL):
            if tag in exif:
                found.append(f"EXIF tag {tag:#06x}")
        details = exif.get_ifd(EXIF_IFD)
        for tag in (TAG_MAKER_NOTE, TAG_BODY_SERIAL):
            if tag in details:
                found.append(f"EXIF tag {tag:#06x}")
        for key in ("comment", "xmp", "XML:com.adobe.xmp", "Comment", "Location"):
            if image.info.get(key):
                found.append(f"info[{key!r}]")
    return found


def orientation_in(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif().get(TAG_ORIENTATION, 1)


def red_on_top(data):
    """After orientation 6 (rotate 90 clockwise for display), the red half is on top."""
    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
        top = rgb.getpixel((rgb.width // 2, rgb.height // 8))
        bottom = rgb.getpixel((rgb.width // 2, rgb.height * 7 // 8))
    return top[0] > top[2] and bottom[2] > bottom[0]
