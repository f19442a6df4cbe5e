stamp --sql head:685695c76ab4
