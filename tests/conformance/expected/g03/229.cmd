stamp --sql 685695c76ab4
