show d3ac4cdd930d
