downgrade 6018f658f7a7:1607b0f91306 --sql
