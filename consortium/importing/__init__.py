"""Turn partner-search profiles as people receive them into request files.

Two sources: EEN profile texts (pages, e-mails and PDFs turned to text) and the EEN Partner
Web Service's JSON. Both become the same ``Fields`` (label → raw text), from which
``extract`` builds a request and lists what it could not find; ``render`` writes the YAML;
``run`` ties them together. Nothing here prints or exits: results and Problems are values.
"""
