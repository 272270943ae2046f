"""Share your story: the public submission form, its private files, the editors' inbox.

This is its own app, apart from `collection`, because what it holds is personal data sent by
members of the public: it has its own private file storage that is never publicly served, its
own moderation inbox, erasure on request and a retention period, and none of it may leak into
the public collection except through an editor's explicit step ("Create draft story").
It may import `collection`; `collection` never imports it.
"""
