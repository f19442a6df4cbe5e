downgrade abcd2222:abcd1111 --sql
