history -r 025b8a9a021e:+1
