upgrade 6018f658f7a7:0b35b46ee1da-1 --sql
