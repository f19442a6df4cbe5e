show 5bc8
