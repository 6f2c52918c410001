"""What a cluster id may be, said once: the models refuse other ids, completion never offers them.

A cluster id is looked up among the files of clusters/, never joined onto a folder, so
anything that could name a path elsewhere (``../x``, ``/abs``, ``a/b``, a control character)
is no id (README, "Safe in a pull request's CI"). No imports: shell completion runs this on
every Tab.
"""

MAX_ID = 200
ID_FORBIDDEN = frozenset('/\\:*?"<>|')


def is_cluster_id(text: str) -> bool:
    """Whether ``text`` (already stripped) is a cluster id the models accept."""
    return (
        bool(text)
        and len(text) <= MAX_ID
        and not text.startswith(".")
        and not any(c in ID_FORBIDDEN or not c.isprintable() for c in text)
    )
