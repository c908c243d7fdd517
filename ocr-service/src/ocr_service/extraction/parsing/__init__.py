"""The receipt parser: from a ticket's text lines to the fields of the contract.

Each module reads one field family with general rules (keywords, column shapes, arithmetic
checks); chain knowledge only names chains and their fixed quirks.
"""
