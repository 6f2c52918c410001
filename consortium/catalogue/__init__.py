"""The folders of a proposal repo as catalogues: ``requests`` (partner searches with their
deadlines) and ``clusters`` (cluster profiles to browse), plus where ``init`` finds a request.
"""
