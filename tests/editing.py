"""Posting the page editor's form as a browser would, for tests that drive the real edit view."""

from html.parser import HTMLParser

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


class EditFormInputs(HTMLParser):
    """The simple inputs of the page editor's form, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))
        if not name or "disabled" in attrs:
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = ""
        elif tag == "select":
            self._select = name

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            # Browsers drop the newline that follows <textarea>.
            self.data[self._textarea] = self.data[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None


def edit_form_data(client, page, **extra):
    """What the browser would post from `page`'s edit view, plus `extra`.

    StreamFields are built by JavaScript in a browser: a story's body is sent as one edited
    paragraph, any other StreamField (a contributor's links) as empty.
    """
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    parser = EditFormInputs()
    parser.feed(html)
    data = parser.data
    streams = {}
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField):
            streams[field.name] = streamfield([])
    if "body" in streams:
        streams["body"] = streamfield([("paragraph", rich_text("<p>Edited before review.</p>"))])
    for key in [k for k in data if any(k.startswith(f"{name}-") for name in streams)]:
        del data[key]
    data.update(nested_form_data(streams))
    data.update(extra)
    return data
