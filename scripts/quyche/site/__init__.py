"""Site builders: thin consumers of the model that return escaped HTML."""
