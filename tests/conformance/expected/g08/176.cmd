downgrade 1607b0f91306:6018f658f7a7 --sql
