show delta@6018f658f7a7
