"""Text made safe to show: on a terminal, in a CI log, in XML (nothing else renders text)."""
