"""Who may see and change what: the three groups (Editors, Reviewers, Illustrators) created by
migration 0002, the row-level rule that an illustrator sees only their own commissions, and
what an illustrator may see of pages (live titles only; `admin_access.py` keeps people without
page permission out of the page admin)."""

from wagtail_modeladmin.helpers import PermissionHelper

EDITORS = "Editors"
REVIEWERS = "Reviewers"
ILLUSTRATORS = "Illustrators"


def _group_names(user):
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_illustrations_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._illustrations_group_names = cached
    return cached


def is_editor(user):
    """Editors, reviewers and superusers: people who place artwork in stories."""
    return user.is_active and (user.is_superuser or bool(_group_names(user) & {EDITORS, REVIEWERS}))


def is_illustrator_only(user):
    """An illustrator with no editorial role: sees only their own commissions and images."""
    if user.is_superuser:
        return False
    names = _group_names(user)
    return ILLUSTRATORS in names and not names & {EDITORS, REVIEWERS}


def public_page_title(page):
    """A page's title as readers know it, or "" while it is not live.

    What illustrators see of a page: a draft's title is the editorial team's (and, for a draft
    made from a submission, the sender's words). A live page's row keeps its published title;
    an unpublished retitle lives in `draft_title` and its revisions.
    """
    return page.title if page is not None and page.live else ""


def is_own_commission(user, commission):
    illustrator = commission.illustrator
    return bool(illustrator and illustrator.user_id and illustrator.user_id == user.pk)


class CommissionPermissionHelper(PermissionHelper):
    """Model permissions as usual, narrowed for illustrators to the commissions they draw."""

    def user_can_inspect_obj(self, user, obj):
        if is_illustrator_only(user) and not is_own_commission(user, obj):
            return False
        return super().user_can_inspect_obj(user, obj)

    def user_can_edit_obj(self, user, obj):
        if is_illustrator_only(user) and not is_own_commission(user, obj):
            return False
        return super().user_can_edit_obj(user, obj)

    def user_can_delete_obj(self, user, obj):
        if is_illustrator_only(user):
            return False
        return super().user_can_delete_obj(user, obj)
