"""frontlines: a sourced, structured, time-aware picture of armed conflict from reports."""

from frontlines.models import CONTRACT_VERSION, Extraction
from frontlines.pipeline import extract

__all__ = ["CONTRACT_VERSION", "Extraction", "extract"]
__version__ = "0.1.0"
