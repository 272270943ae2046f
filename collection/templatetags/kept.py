"""`{% keep "name" part ... %}...{% endkeep %}`: a piece of a page template, rendered once and kept
until content changes, like every fragment (collection/fragments.py).

The key is the name and the parts given (with the content generation, the host and the language
that every fragment key holds), so the parts must name everything the piece shows that can
differ between requests: the page and its revision for a page's head, the address for the site
header (its language switcher keeps the reader's filters). A part that is missing (None: no page,
an error page) keeps nothing, so made-up addresses never fill the cache.

A piece may hold this response's Content-Security-Policy nonce (a JSON-LD script): it is kept with
a marker in its place and the next request's nonce is put back, as the page cache does.
"""

from django import template
from django.utils.safestring import mark_safe

from collection import fragments

register = template.Library()

NONCE_MARK = "\x00csp-nonce\x00"


class KeepNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name = name
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        parts = [part.resolve(context, ignore_failures=True) for part in self.parts]
        if request is None or any(part is None for part in parts):
            return self.nodelist.render(context)

        def render():
            html = self.nodelist.render(context)
            nonce = getattr(request, "_csp_nonce", None)
            if isinstance(nonce, str) and nonce in html:
                html = html.replace(nonce, NONCE_MARK)
            return str(html)

        key = ":".join(str(part) for part in parts)
        html = fragments.remember(request, f"keep-{self.name}", key, render)
        if NONCE_MARK in html:
            # Reading request.csp_nonce makes the CSP middleware send this nonce in the header.
            html = html.replace(NONCE_MARK, str(request.csp_nonce))
        return mark_safe(html)  # noqa: S308 (rendered by the template engine)


@register.tag
def keep(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name and at least one part that the piece varies by"
        )
    name = bits[1].strip("\"'")
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    return KeepNode(name, parts, nodelist)
