downgrade e8d5d52d5759:e8d5d52d5759-2 --sql
