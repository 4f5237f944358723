"""quoteapi: quote and attribution extraction for newsrooms."""

__version__ = "0.1.0"
