"""One consortium resolved: its call, rules, members and request, and a new proposal repo's files."""
