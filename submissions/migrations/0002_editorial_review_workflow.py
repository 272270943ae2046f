"""The "Editorial review" workflow and the inbox permissions of the editorial groups.

- A Wagtail workflow "Editorial review" with one GroupApprovalTask for the group "Reviewers"
  (only Reviewers may publish, so only they can approve). It is attached to any stories index
  that already exists; one created later gets it from submissions.signals.
- Editors and Reviewers may view the Submissions inbox, move submissions through review and
  erase personal data on request. Illustrators get nothing here.

The groups may be created by the illustrations migration or by this one, in either order
(get_or_create). Permission and content type rows are made with get_or_create because on a
fresh database Django only creates them after `migrate`.
"""

from django.db import migrations

WORKFLOW_NAME = "Editorial review"
INBOX_GROUPS = ["Editors", "Reviewers"]


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def create_workflow_and_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    StoryIndexPage = apps.get_model("collection", "StoryIndexPage")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in INBOX_GROUPS}

    submission_type = _content_type(apps, "submissions", "storysubmission")
    inbox_permissions = [
        Permission.objects.get_or_create(
            content_type=submission_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in (
            ("view_storysubmission", "Can view submission"),
            ("change_storysubmission", "Can change submission"),
            ("erase_storysubmission", "Can erase a sender's personal data and files"),
        )
    ]
    for group in groups.values():
        group.permissions.add(*inbox_permissions)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME,
            active=True,
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
        task.groups.add(groups["Reviewers"])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for index in StoryIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Task.objects.filter(name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("collection", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow_and_permissions, remove_workflow)]
