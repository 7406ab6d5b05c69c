"""The HTTP service: native API, Perspective / OpenAI / Coral compatibility, dashboard."""
