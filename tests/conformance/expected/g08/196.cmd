downgrade 92b87eb72f82:6018f658f7a7 --sql
