"""Messages the screen can say in the person's language.

The import's rules speak English (the command line prints them as they are);
each message is a Text: the English string, and the template and values it was
made from, which the import wizard translates (desktop/ui/import_wizard.py keeps
every template in its catalogue; a test checks none is missing).
"""
from __future__ import annotations


class Text(str):
    template: str
    args: dict

    def __new__(cls, template: str, **args):
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = args
        return self


T = Text
