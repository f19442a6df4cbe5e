history -r 10a3aa05e11a+1:
