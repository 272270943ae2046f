"""Citations of stories: the CSL-JSON record (records.py), APA and Vancouver formatted by
citeproc-py with the official CSL styles (styles.py, styles/*.csl), and RIS and BibTeX
(formats.py)."""
