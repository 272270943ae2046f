from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import signals, upload_spool

        signals.connect()
        upload_spool.prepare_spool()
