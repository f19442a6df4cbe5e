show d45c9ec353c1-1
