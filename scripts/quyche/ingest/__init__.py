"""Build the structured tree of a regulation from its source text."""
