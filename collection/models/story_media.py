"""What a story does with the audio and video in its body: the items (one query), the podcast
episode, the video, the transcripts and the transcript page's address."""

from django.utils.html import strip_tags


class StoryMediaMixin:
    """For StoryPage: reads its `body` StreamField's podcast episode and video blocks."""

    def _media_ids(self):
        """Ids of uploaded audio and video items in the body, in the order they appear."""
        ids = []
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio"):
                ids.append(value["audio"])
            elif item.get("type") == "video" and value.get("video"):
                ids.append(value["video"])
        return ids

    def media_items(self):
        """The uploaded audio and video items of the story, fetched in one query."""
        if not hasattr(self, "_media_items_cache"):
            from .media import StoryMedia

            ids = self._media_ids()
            blocks = getattr(self, "_body_blocks", None)
            if blocks is not None:  # the body's blocks were made (and their items read)
                by_id = {
                    item.pk: item
                    for item in (
                        block.value.get(name)
                        for block in blocks
                        for kind, name in (("podcast_episode", "audio"), ("video", "video"))
                        if block.block_type == kind
                    )
                    if item is not None
                }
            else:
                by_id = StoryMedia.objects.in_bulk(ids) if ids else {}
            seen = set()
            items = []
            for media_id in ids:
                if media_id in by_id and media_id not in seen:
                    seen.add(media_id)
                    items.append(by_id[media_id])
            from ..media_languages import prefetch_media_texts

            prefetch_media_texts(items)
            self._media_items_cache = items
        return self._media_items_cache

    def prefetch_body_media_texts(self):
        """Fetch the transcripts and captions in the page's language of every audio and video
        block in the body at once (nothing on a page in the default language)."""
        from ..media_languages import prefetch_media_texts

        items = []
        for block in self.body:
            if block.block_type == "podcast_episode":
                items.append(block.value.get("audio"))
            elif block.block_type == "video":
                items.append(block.value.get("video"))
        prefetch_media_texts(items)

    def media_transcripts(self):
        """The plain text of every transcript of the story's media (for the search index)."""
        return "\n".join(strip_tags(item.transcript) for item in self.media_items())

    def episode(self):
        """The story's podcast episode: the first uploaded audio in the body, or None.

        Returns a dict with the audio item, the episode title and the show notes.
        """
        audio_by_id = {item.pk: item for item in self.media_items() if item.type == "audio"}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio") in audio_by_id:
                audio = audio_by_id[value["audio"]]
                return {
                    "audio": audio,
                    "title": value.get("episode_title") or audio.title,
                    "show_notes": value.get("show_notes") or "",
                }
        return None

    def video(self):
        """The story's first video block as a dict (uploaded item or external URL), or None."""
        video_by_id = {item.pk: item for item in self.media_items() if item.type == "video"}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "video":
                return {
                    "video": video_by_id.get(value.get("video")),
                    "url": value.get("url") or "",
                    "title": value.get("title") or "",
                    "duration": value.get("duration") or "",
                }
        return None

    def transcripts(self):
        """Everything a reader can read instead of listening or watching, in body order."""
        from ..media_languages import transcript_in

        entries = []
        media_by_id = {item.pk: item for item in self.media_items()}
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode":
                media = media_by_id.get(value.get("audio"))
                if media and transcript_in(media)[0]:
                    title = value.get("episode_title") or media.title
                    entries.append({"title": title, "kind": "audio", **self._transcript(media)})
            elif item.get("type") == "video":
                media = media_by_id.get(value.get("video"))
                if media and transcript_in(media)[0]:
                    entries.append(
                        {"title": media.title, "kind": "video", **self._transcript(media)}
                    )
                elif value.get("transcript"):
                    entries.append(
                        {
                            "title": value.get("title") or "Video",
                            "html": value["transcript"],
                            "kind": "video",
                        }
                    )
        return entries

    @staticmethod
    def _transcript(media):
        """The transcript in the page's language, and its `lang` when it is another's."""
        return {"html": media.reader_transcript, "lang": media.reader_transcript_language}

    def has_transcript_page(self):
        """Whether the body holds media or an external video transcript, read from the raw
        body without a query (publishing requires a transcript for every audio item)."""
        for item in self.body.raw_data:
            value = item.get("value") or {}
            if item.get("type") == "podcast_episode" and value.get("audio"):
                return True
            if item.get("type") == "video" and (value.get("video") or value.get("transcript")):
                return True
        return False

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if self.has_transcript_page():
            urls.append(
                {
                    "location": self.get_full_url(request) + self.reverse_subpage("transcript"),
                    "lastmod": urls[0]["lastmod"],
                }
            )
        return urls

    def transcript_url(self):
        """The address of the story's transcript page (the podcast feed links here)."""
        return self.url + self.reverse_subpage("transcript")

    def full_transcript_url(self, request=None):
        return self.get_full_url(request) + self.reverse_subpage("transcript")
