"""Where and when the user will shop next, from their own ticket history."""
