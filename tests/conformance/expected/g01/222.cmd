history -r :afbd619699cf-2
