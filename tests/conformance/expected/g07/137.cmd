show billing@3926f28c105d
