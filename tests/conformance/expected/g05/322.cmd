history -r 5bc8bde5c099:5bc8bde5c099
