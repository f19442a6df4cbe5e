history -r afbd619699cf
