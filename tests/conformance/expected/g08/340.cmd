upgrade 6018f658f7a7:delta@+2 --sql
