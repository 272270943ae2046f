"""The read API: Wagtail's API v2 endpoints for pages, images and media, and its OpenAPI text."""
