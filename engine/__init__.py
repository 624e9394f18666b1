"""lexgap: check national laws and bills against international human-rights standards."""

__version__ = "0.1.0"
