"""From uploaded bytes to a parsed receipt: sniff, open within limits, read text, parse."""
