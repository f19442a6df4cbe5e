stamp --sql 3926f28c105d
