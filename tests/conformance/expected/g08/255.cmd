upgrade heads:c24f3bf36a14 --sql
