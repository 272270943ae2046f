"""Reuse of the collection by others: the read API (Wagtail's API v2) with its OpenAPI
description, the oEmbed provider and its embeddable story cards, and citations.

Its own app because it is a second public face of the collection with rules of its own, none of
which a page type owns: what may leave the site (only live, public pages and complete images that
such pages show; never a submission, a user or an address), under which licence, at what rate,
from which origins and framed by whom. It reads `collection` and `illustrations` and nothing
imports it, so the site works the same without it.
"""
