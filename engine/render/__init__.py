"""One module per output format; each takes engine values and returns text, never prints."""
