"""Every page Editors can submit goes to the Reviewers.

Wagtail's own first migrations attach a "Moderators approval" workflow to the root page, whose
task is approved by the "Moderators" group; the illustrations migration removed that group (only
Reviewers publish here), so series, contributor and other pages outside the stories index went
to a task nobody but a superuser could approve.

- "Editorial review" (Reviewers approve) is attached to the root page, so every page inherits
  it, and to each existing home page and index (Wagtail picks the nearest workflow); pages made
  later get it from submissions.signals.
- A task left with no group (Moderators' old one) gets the Reviewers, so a page already waiting
  there can still be approved; its workflow is deactivated once nothing is waiting in it.
"""

from django.db import migrations

WORKFLOW_NAME = "Editorial review"
INDEX_MODELS = [
    ("collection", "StoryIndexPage"),
    ("collection", "SeriesIndexPage"),
    ("collection", "ContributorIndexPage"),
]


def attach_everywhere(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:  # made by 0002; absent only if someone deleted it by hand
        return
    reviewers, _ = Group.objects.get_or_create(name="Reviewers")

    page_ids = list(Page.objects.filter(depth__lte=2).values_list("pk", flat=True))
    for app_label, model_name in INDEX_MODELS:
        model = apps.get_model(app_label, model_name)
        page_ids += list(model.objects.values_list("pk", flat=True))
    replaced = set()
    for page_id in page_ids:
        current = WorkflowPage.objects.filter(page_id=page_id).first()
        if current is not None and current.workflow_id != workflow.pk:
            replaced.add(current.workflow_id)
        WorkflowPage.objects.update_or_create(page_id=page_id, defaults={"workflow": workflow})

    for task in GroupApprovalTask.objects.all():
        if not task.groups.exists():
            task.groups.add(reviewers)
    for old in Workflow.objects.filter(pk__in=replaced):
        waiting = WorkflowState.objects.filter(workflow_id=old.pk, status__in=["in_progress", "needs_changes"])
        if not WorkflowPage.objects.filter(workflow=old).exists() and not waiting.exists():
            old.active = False
            old.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0004_submission_form_token"),
        ("collection", "0003_podcast_channel_settings"),
        ("illustrations", "0002_editorial_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(attach_everywhere, migrations.RunPython.noop)]
