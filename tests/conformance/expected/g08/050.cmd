history -r 0b35b46ee1da:+1
