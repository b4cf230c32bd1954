"""Analytics: who agrees with whom, across the dataset."""
