"""kg: knowledge graphs from Chinese political-consultation (CPPCC) news."""

__version__ = "0.1.0"
