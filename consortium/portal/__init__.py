"""The EU Funding & Tenders Portal: its search API and topic pages, read into call files.

``client`` asks (bounded, as every fetch of the tool), ``topics`` reads the answers into a
``Topic``, ``rules`` finds the programme's general conditions for it, ``callfile`` writes
the call file and ``changes`` says what moved since the last fetch. The facts about the
API, and which of them were checked, are in docs/sources.md ("Funding & Tenders Portal").
"""
