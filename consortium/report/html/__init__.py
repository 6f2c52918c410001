"""The report for partners: one self-contained HTML page (`consortium report`,
`check --format html`).

The page is drawn from the values the other views show (the check's ``Report``, the
``suggest`` ``SuggestionResult``, the deadlines): ``view`` gathers them, ``tiles`` lays the
countries out on a tile map of Europe, ``timeline`` places the dates, and ``page`` renders
the jinja2 template ``report.html.j2`` with autoescape. No script, no link to fetch: the
page reads the same from an e-mail attachment, offline, and on A4 paper.
"""
