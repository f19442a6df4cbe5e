upgrade 025b8a9a021e:afbd619699cf-1 --sql
