"""Date and number formats for languages where Django's own are missing or not what this
site's readers expect (FORMAT_MODULE_PATH). Only the names set here are overridden; the rest
come from Django's locale formats."""
