downgrade 7403e93f4a5a:7403e93f4a5a-2 --sql
