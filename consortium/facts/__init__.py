"""What the EU says, as data and pure functions: countries, associations, eligible country sets,
sectors, dates and deadlines, EEN references and cluster-management labels.

Nothing here reads a user's file; every fact names its source (docs/sources.md).
"""
