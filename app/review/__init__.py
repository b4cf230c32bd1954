"""Review: a person accepts (with corrections) or rejects what the annotation pipeline
proposed; a source's proposals in text order make its review queue."""
