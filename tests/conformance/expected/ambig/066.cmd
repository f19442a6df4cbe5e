history -r :f00dcafe0001+1
