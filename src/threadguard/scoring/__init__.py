"""Scorers: turn comment text into attribute and target-group probabilities."""
