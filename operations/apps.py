from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import checks, signals, upload_spool  # noqa: F401 - checks register themselves

        signals.connect()
        upload_spool.prepare_spool()
