downgrade d45c9ec353c1:zz@base --sql
