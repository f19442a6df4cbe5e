downgrade abcd1111:abcd2222 --sql
