"""Finding the missing partner: `match` (who fits a request, which requests fit a cluster)
and `suggest` (the smallest sets of additions that complete a consortium).

Built on the one matcher (``consortium.check.fit``) and the eligibility rules of the check, with
the weights of ``consortium.matching.weights``; every point given is explained in plain words.
"""
