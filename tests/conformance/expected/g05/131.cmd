show d76d
