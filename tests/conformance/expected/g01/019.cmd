history -v -r 025b8a9a021e:afbd619699cf
