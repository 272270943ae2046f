"""British English dates as the site has always printed them ("4 December 2026"); Django's
en_GB DATE_FORMAT abbreviates the month ("4 Dec 2026")."""

DATE_FORMAT = "j F Y"
