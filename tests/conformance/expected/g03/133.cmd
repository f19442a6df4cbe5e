show 78
