upgrade 5bc8bde5c099:nosuch --sql
