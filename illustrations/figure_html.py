"""An illustration's figure and credit line as HTML, built from the values the `illustration` tag
works out (illustrations/templatetags/illustration_tags.py).

Every illustration on the site (heroes, body figures, story and series cards, portraits, covers)
comes through here, dozens on a listing or a series page. Built as strings rather than through
two included templates, a figure costs a fraction of the template engine's time, which is most of
what a page rendered from scratch spends on its cards. The markup is what the templates made,
character for character; every value is escaped as the template engine escapes it.
"""

import html

from django.utils.safestring import mark_safe
from django.utils.translation import gettext


def escape_value(value):
    """`value` escaped as the template engine escapes it (Django's `conditional_escape`: safe
    strings as they are, None as nothing), without its per-call checks for lazy arguments:
    a listing escapes a few thousand values."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


_e = escape_value


def credit_html(credit):
    """`Illustration: <name>, <licence> (source)`, with links where there are addresses."""
    if not credit:
        return ""
    parts = ['<span class="illustration__credit">', _e(gettext("Illustration:")), " "]
    if credit["url"]:
        parts += ['<a href="', _e(credit["url"]), '">', _e(credit["name"]), "</a>"]
    else:
        parts.append(_e(credit["name"]))
    if credit["copyright_holder"]:
        parts += [" (© ", _e(credit["copyright_holder"]), ")"]
    if credit["licence"]:
        parts.append(", ")
        if credit["licence_url"]:
            parts += ['<a href="', _e(credit["licence_url"]), '" rel="license">']
            parts += [_e(credit["licence"]), "</a>"]
        else:
            parts.append(_e(credit["licence"]))
    if credit["source_url"]:
        parts += [' (<a href="', _e(credit["source_url"]), '">', _e(gettext("source")), "</a>)"]
    parts.append("</span>\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def figure_html(values):
    """The <figure> for the values the `illustration` tag returns (nothing without an image)."""
    if not values.get("image"):
        return ""
    sizes = _e(values["sizes"])
    fallback = values["fallback"]
    parts = [
        f'<figure class="illustration illustration--{_e(values["variant"])}">\n  <picture>\n    '
    ]
    for source in values["sources"]:
        parts.append(
            f'<source type="{_e(source["type"])}" srcset="{_e(source["srcset"])}" '
            f'sizes="{sizes}">\n    '
        )
    parts.append(
        f'<img src="{_e(fallback.url)}" srcset="{_e(values["fallback_srcset"])}" sizes="{sizes}"'
        f' width="{_e(fallback.width)}" height="{_e(fallback.height)}" alt="{_e(values["alt"])}"'
    )
    if values["alt_lang"]:
        parts.append(f' lang="{_e(values["alt_lang"])}"')
    parts.append(f' loading="{_e(values["loading"])}" decoding="async"')
    if values["high_priority"]:
        parts.append(' fetchpriority="high"')
    parts.append(">\n  </picture>\n  ")
    caption, show_credit = values["caption"], values["show_credit"]
    if caption or show_credit:
        parts.append("<figcaption>\n    ")
        if caption:
            parts.append(f'<span class="illustration__caption">{_e(caption)}</span>')
        parts.append("\n    ")
        if show_credit:
            parts.append(credit_html(values["credit"]))
        parts.append("\n  </figcaption>")
    parts.append("\n</figure>\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)
