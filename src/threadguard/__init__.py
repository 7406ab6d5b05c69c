"""ThreadGuard: self-hosted, context-aware moderation for threaded comment sections."""

__version__ = "0.1.0"
