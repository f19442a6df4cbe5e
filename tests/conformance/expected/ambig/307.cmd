downgrade abcd2222:abcd2222-2 --sql
