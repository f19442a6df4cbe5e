upgrade 6018f658f7a7:nosuch --sql
