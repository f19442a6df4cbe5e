history -r afbd619699cf:afbd619699cf
