history -r 35bfc9e9c616:35bfc9e9c616
