"""summitlog: a source-linked record of meetings between heads of state."""

__version__ = "0.1.0"
