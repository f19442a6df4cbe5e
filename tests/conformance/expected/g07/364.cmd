upgrade head+1 --sql
