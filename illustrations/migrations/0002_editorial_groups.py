"""Create the site's three groups and the "Illustrations" collection.

- Editors: admin access; create and edit pages (no publish: they submit for review); add, edit
  and choose images, documents, audio and video; edit themes; manage commissions.
- Reviewers: everything Editors have, plus publish (which approving a review task needs; the
  submissions workflow assigns its review task to this group by name).
- Illustrators: admin access; add images to the Illustrations collection and edit their own;
  choose images there; see and update their own commissions (narrowed in permissions.py).
  No page, snippet or user permissions.

On a fresh database the Permission rows of models from later apps do not exist yet while
migrations run (Django creates them after `migrate`), so they are created here with
get_or_create; Django's own post_migrate step then finds them already present.
"""

from django.db import migrations

STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4


def _step(number):
    digits = ""
    for _ in range(STEP_LENGTH):
        number, remainder = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[remainder] + digits
    return digits


def _step_number(step):
    number = 0
    for char in step:
        number = number * len(STEP_ALPHABET) + STEP_ALPHABET.index(char)
    return number


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _model_permissions(apps, app_label, model, actions):
    return [
        _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
        for action in actions
    ]


def _illustrations_collection(apps):
    """The "Illustrations" collection under the root, made by hand (treebeard's API is not
    available on migration models)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return None
    existing = Collection.objects.filter(depth=2, path__startswith=root.path, name="Illustrations")
    if existing.exists():
        return existing.first()
    last_child = (
        Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    )
    next_number = _step_number(last_child.path[-STEP_LENGTH:]) + 1 if last_child else 1
    collection = Collection.objects.create(
        name="Illustrations",
        path=root.path + _step(next_number),
        depth=2,
        numchild=0,
    )
    root.numchild = Collection.objects.filter(depth=2, path__startswith=root.path).count()
    root.save(update_fields=["numchild"])
    return collection


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = _permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    page_add, page_change, page_publish = _model_permissions(
        apps, "wagtailcore", "page", ["add", "change", "publish"]
    )
    image_add, image_change, image_choose = _model_permissions(
        apps, "wagtailimages", "image", ["add", "change", "choose"]
    )
    document_perms = _model_permissions(apps, "wagtaildocs", "document", ["add", "change", "choose"])
    media_perms = _model_permissions(apps, "wagtailmedia", "media", ["add", "change"])
    theme_perms = _model_permissions(apps, "collection", "theme", ["add", "change"])
    commission_view, commission_add, commission_change, commission_delete = _model_permissions(
        apps, "illustrations", "commission", ["view", "add", "change", "delete"]
    )

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    illustrations = _illustrations_collection(apps)

    editorial_model_perms = [
        access_admin,
        *theme_perms,
        commission_view,
        commission_add,
        commission_change,
        commission_delete,
    ]
    editorial_collection_perms = [image_add, image_change, image_choose, *document_perms, *media_perms]

    for name, page_perms in (
        ("Editors", [page_add, page_change]),
        ("Reviewers", [page_add, page_change, page_publish]),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*editorial_model_perms)
        if root_page is not None:
            for permission in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection is not None:
            for permission in editorial_collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    # Wagtail's first migration made a "Moderators" group that may publish. Only Reviewers
    # publish here, so drop it while nobody is in it.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    illustrators, _ = Group.objects.get_or_create(name="Illustrators")
    illustrators.permissions.add(access_admin, commission_view, commission_change)
    if illustrations is not None:
        for permission in (image_add, image_choose):
            GroupCollectionPermission.objects.get_or_create(
                group=illustrators, collection=illustrations, permission=permission
            )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Reviewers", "Illustrators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("illustrations", "0001_initial"),
        ("collection", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
