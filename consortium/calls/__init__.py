"""Known calls: the built-in presets (YAML files in the shape users write) and a repo's ``calls/``."""
