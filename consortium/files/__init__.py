"""Reading and writing files safely: bounded reads, the YAML loader and writer, atomic writes,
the proposal's root, and loading files into models with their problems as values.
"""
