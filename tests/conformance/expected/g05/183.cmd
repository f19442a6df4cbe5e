upgrade 5bc8bde5c099:heads --sql
