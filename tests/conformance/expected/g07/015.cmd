history -r 7403e93f4a5a:10a3aa05e11a
