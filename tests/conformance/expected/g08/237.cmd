upgrade 6018f658f7a7:d45c9ec353c1 --sql
