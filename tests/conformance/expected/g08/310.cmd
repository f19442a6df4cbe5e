history -r 6018f658f7a7+1:
