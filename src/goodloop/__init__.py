"""goodloop: a local-first networking relationship manager built around the help loop."""

__version__ = "0.1.0"
