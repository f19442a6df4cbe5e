show d
