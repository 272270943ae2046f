"""Lossless removal of location and device metadata from JPEG, PNG, WebP and GIF files.

These work on the file's container (JPEG segments, PNG chunks, RIFF chunks, GIF blocks) and
keep only what is needed to show the picture as its maker meant it: the pixels, the ICC colour
profile, transparency, animation and pixel density. Everything else goes: EXIF (GPS, camera
make, model and serial number, maker notes, thumbnails of the uncropped photo), XMP (location,
people, edit history), IPTC, comments, text chunks, and anything after the end of the image
(a phone's depth map or second picture). The pixels are never decoded, so a 30 MB original is
cleaned in milliseconds and without a generation of JPEG loss.

Each function raises ValueError for a file whose structure it cannot follow.
See illustrations/clean_images.py for the orientation, AVIF/HEIF and the entry points.
"""

import struct
import zlib

# --- JPEG ---------------------------------------------------------------------------------

SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
APP0, APP2, APP14, COM = 0xE0, 0xE2, 0xEE, 0xFE


def _keep_jpeg_segment(marker, payload):
    if marker == APP0:
        return payload.startswith(b"JFIF\x00")
    if marker == APP2:
        return payload.startswith(b"ICC_PROFILE\x00")
    if marker == APP14:
        return payload.startswith(b"Adobe")  # colour transform flag, needed for CMYK
    # Every other APPn (EXIF and XMP in APP1, MPF in APP2, IPTC in APP13...) and comments.
    return not (0xE0 <= marker <= 0xEF or marker == COM)


def _jfif_without_thumbnail(payload):
    # "JFIF\0", version (2), units (1), densities (2 + 2), then no thumbnail.
    return payload[:12] + b"\x00\x00"


def strip_jpeg(data):
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    out = [b"\xff\xd8"]
    i, end = 2, len(data)
    while i < end:
        if data[i] != 0xFF:
            raise ValueError(f"JPEG marker expected at {i}")
        marker = data[i + 1] if i + 1 < end else None
        if marker is None:
            raise ValueError("JPEG cut short")
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == EOI:
            out.append(b"\xff\xd9")
            return b"".join(out)  # anything after the image is dropped
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(data[i : i + 2])
            i += 2
            continue
        if i + 4 > end:
            raise ValueError("JPEG cut short")
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        payload = data[i + 4 : i + 2 + length]
        if length < 2 or len(payload) != length - 2:
            raise ValueError("JPEG segment cut short")
        if _keep_jpeg_segment(marker, payload):
            if marker == APP0:
                payload = _jfif_without_thumbnail(payload)
                out.append(b"\xff\xe0" + struct.pack(">H", len(payload) + 2) + payload)
            else:
                out.append(data[i : i + 2 + length])
        i += 2 + length
        if marker == SOS:
            # Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a
            # restart marker.
            j = i
            while True:
                j = data.find(b"\xff", j)
                if j < 0 or j + 1 >= end:
                    raise ValueError("JPEG scan without an end")
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    j += 2
                elif following == 0xFF:
                    j += 1
                else:
                    break
            out.append(data[i:j])
            i = j
    raise ValueError("JPEG without an end marker")


# --- PNG ----------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks that affect how the picture looks (or animates); text, EXIF, time and any private
# chunk are left out.
PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT", b"sRGB",
    b"cICP", b"mDCV", b"cLLI", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def png_chunks(data):
    """(type, payload, raw bytes) for each chunk, ending with IEND."""
    if data[:8] != PNG_SIGNATURE:
        raise ValueError("not a PNG")
    i = 8
    while i + 12 <= len(data):
        length = struct.unpack(">I", data[i : i + 4])[0]
        kind = data[i + 4 : i + 8]
        raw = data[i : i + 12 + length]
        if len(raw) != 12 + length:
            raise ValueError("PNG chunk cut short")
        yield kind, raw[8 : 8 + length], raw
        i += 12 + length
        if kind == b"IEND":
            return
    raise ValueError("PNG without IEND")


def strip_png(data):
    kept = [raw for kind, _, raw in png_chunks(data) if kind in PNG_KEEP]
    return PNG_SIGNATURE + b"".join(kept)


def png_exif(data):
    """The raw EXIF of a PNG's eXIf chunk, or None."""
    for kind, payload, _ in png_chunks(data):
        if kind == b"eXIf":
            return payload
    return None


def png_chunk(kind, payload):
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


# --- WebP ---------------------------------------------------------------------------------

WEBP_KEEP = {b"VP8X", b"ICCP", b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L"}
VP8X_EXIF_FLAG, VP8X_XMP_FLAG = 0x08, 0x04


def webp_chunks(data):
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    i = 12
    while i + 8 <= end:
        kind = data[i : i + 4]
        size = struct.unpack("<I", data[i + 4 : i + 8])[0]
        payload = data[i + 8 : i + 8 + size]
        if len(payload) != size:
            raise ValueError("WebP chunk cut short")
        yield kind, payload
        i += 8 + size + (size & 1)


def strip_webp(data):
    body = []
    for kind, payload in webp_chunks(data):
        if kind not in WEBP_KEEP:
            continue
        if kind == b"VP8X":
            flags = payload[0] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG)
            payload = bytes([flags]) + payload[1:]
        body.append(kind + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1))
    riff = b"WEBP" + b"".join(body)
    return b"RIFF" + struct.pack("<I", len(riff)) + riff


def webp_exif(data):
    for kind, payload in webp_chunks(data):
        if kind == b"EXIF":
            return payload
    return None


# --- GIF ----------------------------------------------------------------------------------

# Application extensions that affect display: the loop count and an ICC profile.
GIF_KEEP_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")


def _gif_sub_blocks_end(data, i):
    while True:
        if i >= len(data):
            raise ValueError("GIF cut short")
        size = data[i]
        i += 1 + size
        if size == 0:
            return i


def strip_gif(data):
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise ValueError("not a GIF")
    flags = data[10]
    i = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:i]]
    while i < len(data):
        introducer = data[i]
        if introducer == 0x3B:  # trailer
            out.append(b";")
            return b"".join(out)
        if introducer == 0x2C:  # image descriptor, local colour table, LZW data
            local = data[i + 9]
            start = i
            i += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            i = _gif_sub_blocks_end(data, i)
            out.append(data[start:i])
        elif introducer == 0x21:
            label = data[i + 1]
            start = i
            i = _gif_sub_blocks_end(data, i + 2)
            block = data[start:i]
            if label == 0xFE:  # comment
                continue
            if label == 0xFF and block[3:14] not in GIF_KEEP_APPLICATIONS:
                continue  # XMP and other application data
            out.append(block)
        else:
            raise ValueError(f"GIF block expected at {i}")
    raise ValueError("GIF without a trailer")


STRIPPERS = {"jpeg": strip_jpeg, "png": strip_png, "webp": strip_webp, "gif": strip_gif}
