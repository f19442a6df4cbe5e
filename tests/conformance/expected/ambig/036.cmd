history -r :abc
