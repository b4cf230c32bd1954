"""Sources: documents stored verbatim, their passages, the spans annotations point at."""
