show cb5c3f98e277
