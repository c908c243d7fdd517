"""Tools around the service for developers, tests and benchmarks (not used by the service itself)."""
