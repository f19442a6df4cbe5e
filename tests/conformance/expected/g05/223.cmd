stamp --sql 5bc8bde5c099
