show afbd619699cf-1
