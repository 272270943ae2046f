"""The footer's words in the reader's language (home.FooterText), for base.html."""

from django import template

from home.models import FooterText

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_about_text(context):
    """The footer line in the page's language, falling back to the default language's."""
    request = context.get("request")
    if request is None:
        return ""
    return FooterText.about_text_for_request(request)
