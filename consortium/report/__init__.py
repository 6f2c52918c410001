"""Formatters: turn results into text, tables, JSON, CSV and CI formats. No checks here."""
