"""Spending categories of ticket lines: the taxonomy, the trained model and the person's examples."""
