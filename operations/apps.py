from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import checks, languages, signals, upload_spool  # noqa: F401 - checks register

        signals.connect()
        languages.install_locale_memo()
        upload_spool.prepare_spool()
