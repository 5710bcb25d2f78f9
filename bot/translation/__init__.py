"""The translator's workflow: which strings of the content pack each language has, and the
round trip through standard translation files (gettext PO, XLIFF) for volunteers who do not
edit TOML.

- :mod:`.strings`: every translatable string of the pack, with a stable id.
- :mod:`.record`: what each translation was made from (``content/translations/<lang>.toml``).
- :mod:`.status`: translated, unverified, outdated, drafted or missing, per string.
- :mod:`.catalogue`: PO and XLIFF files, through translate-toolkit (imported only here).
- :mod:`.publish`: an import merged, written into the pack's TOML, checked before anything is.

Nothing here is imported when the bot starts; only the ``content`` CLI commands use it.
"""
