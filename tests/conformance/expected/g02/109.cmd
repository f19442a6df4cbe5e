show d95b
