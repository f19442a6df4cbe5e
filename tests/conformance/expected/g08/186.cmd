downgrade d45c9ec353c1:base --sql
