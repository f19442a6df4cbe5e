downgrade f00dbeef0003:abcdlabel@base --sql
