history -r 0b35b46ee1da:6018f658f7a7
