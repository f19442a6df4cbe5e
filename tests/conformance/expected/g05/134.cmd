show d7
