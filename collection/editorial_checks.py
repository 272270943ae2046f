"""The checks an editor sees while writing and when submitting a page for review.

Two kinds, each naming where the problem is (which field, which body block):

- Publish-blocking: what `publish_rules` refuses at publish time (images lacking alt text,
  credit or licence; audio without a transcript; video without captions). "Submit for review"
  is refused while one remains, with the message beside the field or block that causes it, so a
  Reviewer never receives a page that cannot be published.
- Reader-facing: what a reader will miss (no hero image, so the card shows an empty box; no
  summary; no themes; a story touching harm or racism without a content note). Shown as advice;
  they do not stop a submission, since an editor may have reasons.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from illustrations.renditions import SOCIAL_MIN_WIDTH

from .publish_rules import located_publish_problems

# Words that suggest a story discusses harm or racism, and so may need a content note.
SENSITIVE_WORDS = re.compile(
    r"\b(racis\w*|racial\w*|eugenic\w*|harm(?!on)\w*|abus\w*|trauma\w*|violen\w*|"
    r"discriminat\w*|suicid\w*|self-harm\w*|assault\w*)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Check:
    message: str
    where: str  # in the editor's words: "Hero image", "Body, block 3 (Illustration)"
    field: str = ""  # the form field it belongs beside, when there is one
    blocking: bool = False
    position: int | None = None  # the StreamField block's index (from 0), for a body problem
    inner: str = ""  # the path inside that block, e.g. "image" for an illustration's image


def _field_label(page, name):
    try:
        return str(page._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 - a path that is not a model field
        return name.replace("_", " ").capitalize()


def _locate(page, field_name, position, inner):
    """In the editor's words: "Hero image", or "Body, block 2 (Illustration): image"."""
    where = _field_label(page, field_name)
    if position is not None:
        stream = getattr(page, field_name)
        block = stream[position]
        label = str(block.block.meta.label or block.block_type.replace("_", " ")).capitalize()
        where = f"{where}, block {position + 1} ({label})"
        if inner:
            where += f": {inner.split('.')[0].replace('_', ' ')}"
    return where


def blocking_checks(page):
    return [
        Check(
            message,
            _locate(page, field_name, position, inner),
            field=field_name,
            blocking=True,
            position=position,
            inner=inner,
        )
        for message, (field_name, position, inner) in located_publish_problems(page)
    ]


def _story_text(page):
    parts = [page.title or "", getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts.extend(_raw_strings(body.raw_data))
    return strip_tags(" ".join(parts))


def _raw_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, child in value.items():
            if key not in ("id", "type", "url", "doi"):
                yield from _raw_strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _raw_strings(child)


def reader_checks(page):
    """What readers will miss on a story (other pages have no such fields and get none)."""
    if not hasattr(page, "summary") or not hasattr(page, "hero_image_id"):
        return []
    checks = []
    if not page.hero_image_id:
        checks.append(
            Check(
                "There is no hero image: the story's card will show an empty box in every "
                "listing, and shares will have no picture.",
                "Hero image",
                field="hero_image",
            )
        )
    elif page.hero_image.width and page.hero_image.width < SOCIAL_MIN_WIDTH:
        checks.append(
            Check(
                f"The hero image is {page.hero_image.width} px wide: shares will show a "
                f"smaller picture than the {SOCIAL_MIN_WIDTH} x 630 social networks ask for. "
                "Ask the illustrator for a larger file.",
                "Hero image",
                field="hero_image",
            )
        )
    if not (page.summary or "").strip():
        checks.append(
            Check(
                "There is no summary: readers see it under the title and on the card.",
                "Summary",
                field="summary",
            )
        )
    if not list(page.themes.all()):
        checks.append(
            Check(
                "There are no themes: readers browsing a theme will not find this story.",
                "Themes",
                field="themes",
            )
        )
    if not (page.content_note or "").strip():
        found = SENSITIVE_WORDS.search(_story_text(page))
        if found:
            checks.append(
                Check(
                    f"The story mentions “{found.group(0)}” but has no content note: tell "
                    "readers before they start, e.g. “This story discusses racism in medical "
                    "research.”",
                    "Content note",
                    field="content_note",
                )
            )
    return checks


def page_checks(page):
    """Every check for `page` (saved or not), publish-blocking ones first.

    Advice about a field that already has a blocking problem waits until that is fixed (a hero
    image without alt text is not yet worth asking a larger file of)."""
    blocking = blocking_checks(page)
    blocked = {check.field for check in blocking if check.field and check.field != "body"}
    return blocking + [check for check in reader_checks(page) if check.field not in blocked]


def _nested_error(path_parts, message):
    """A StructBlockValidationError reaching down the child names in `path_parts`."""
    from wagtail.blocks import StructBlockValidationError

    error = ValidationError(message)
    for name in reversed(path_parts):
        error = StructBlockValidationError(block_errors={name: error})
    return error


def stream_field_error(page, field_name, checks):
    """One StreamBlockValidationError putting each check's message on its own block (and the
    child field inside it, e.g. the image of an illustration block)."""
    from wagtail.blocks import StreamBlockValidationError

    stream = getattr(page, field_name)
    block_errors, loose = {}, []
    for check in checks:
        if check.position is None or check.position in block_errors:
            loose.append(check.message)
            continue
        block = stream[check.position].block
        parts = [part for part in check.inner.split(".") if part]
        # Reach down through named children only (a list item has no name to reach by).
        names = []
        for part in parts:
            children = getattr(block, "child_blocks", None)
            if not children or part not in children:
                break
            names.append(part)
            block = children[part]
        block_errors[check.position] = _nested_error(names, check.message)
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=loose)


def add_errors_to_form(form, page, checks, fallback_prefix=""):
    """Put each blocking check beside its field in the page editor's form: a plain field gets
    the message under it, a StreamField on the block (and child) that causes it; a problem in a
    field the form does not show goes at the top, saying where it is."""
    from wagtail.fields import StreamField

    by_field = {}
    for check in checks:
        by_field.setdefault(check.field, []).append(check)
    for field_name, field_checks in by_field.items():
        if field_name not in form.fields:
            for check in field_checks:
                form.add_error(None, f"{fallback_prefix}{check.where}: {check.message}")
            continue
        try:
            model_field = page._meta.get_field(field_name)
        except Exception:  # noqa: BLE001 - a form-only field
            model_field = None
        if isinstance(model_field, StreamField):
            form.add_error(field_name, stream_field_error(page, field_name, field_checks))
        else:
            for check in field_checks:
                form.add_error(field_name, check.message)
