stamp --sql 5d300706a045
