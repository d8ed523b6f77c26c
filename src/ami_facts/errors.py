"""Exception types raised in one module and caught in another.

Here, apart from the modules that raise them, so that no two modules import each
other for them: ``InputError`` is raised by the loader (``load.py``) and by the
HTML reader it calls (``html.py``).
"""

from __future__ import annotations


class InputError(ValueError):
    """An input that cannot become an article; the message is shown to the user."""
