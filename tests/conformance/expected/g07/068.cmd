history -r :3926f28c105d+1
