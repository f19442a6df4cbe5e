downgrade c24f3bf36a14:c24f3bf36a14-2 --sql
