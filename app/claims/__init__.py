"""Claims: self-contained propositions, with their actors, topics and stances."""
