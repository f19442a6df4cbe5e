downgrade b9b9b9b9:abcdlabel@base --sql
