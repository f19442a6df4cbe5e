show afbd619699cf
