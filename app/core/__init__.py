"""What every request passes through, below the resources: importing no domain code."""
