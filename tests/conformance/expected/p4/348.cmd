downgrade a1000004:core@base --sql
