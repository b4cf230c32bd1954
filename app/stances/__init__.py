"""Stances: a holder's position on a claim at one span of one source."""
