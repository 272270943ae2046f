"""Urdu (Pakistan) dates: Django ships Urdu month names but no Urdu formats, so without this
file Urdu pages would get the American "N j, Y" ("دسمبر. 4, 2026"). Urdu writes day, month
name, year: "4 دسمبر 2026".

Digits stay Western (0-9): CLDR's default numbering system for Urdu (ur, ur-PK) is "latn", and
Pakistani papers and sites print dates and counts in Western digits; Django has no numeral
conversion to switch on either. (Urdu in India defaults to Urdu digits ۰-۹ in CLDR: a ur-IN
locale would want its own formats and a filter.)"""

DATE_FORMAT = "j F Y"  # 4 دسمبر 2026
TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "j F Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y g:i A"
FIRST_DAY_OF_WEEK = 1  # Monday (پیر)
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
