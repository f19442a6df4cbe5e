downgrade a1000004:zz@base --sql
