"""The blame-language analyzer: a library with no Django dependency.

from unblame.language import analyze
findings = analyze("The on-call engineer should have caught it.")
"""

from .analyzer import analyze
from .config import Config, ConfigError
from .finding import BLAME_CATEGORIES, Category, Finding, Severity
from .registry import RULES, get_rule

__all__ = [
    "BLAME_CATEGORIES",
    "RULES",
    "Category",
    "Config",
    "ConfigError",
    "Finding",
    "Severity",
    "analyze",
    "get_rule",
]
