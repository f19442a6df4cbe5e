show 01d84cdce7a6
