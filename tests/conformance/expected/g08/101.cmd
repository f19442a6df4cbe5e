show d071fdd9a78d
