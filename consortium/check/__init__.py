"""The consortium check: the context a rule sees, the domain predicates, the rules
(``check.rules``) and the runner that gathers them into a ``Report``.
"""
