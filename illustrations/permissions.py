"""Who may see and change what: the three groups (Editors, Reviewers, Illustrators) created by
migration 0002, and the row-level rule that an illustrator sees only their own commissions."""

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
