upgrade 7403e --sql
