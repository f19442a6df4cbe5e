show 03e0bdc2ae99
