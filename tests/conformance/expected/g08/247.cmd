downgrade heads:6018f658f7a7 --sql
