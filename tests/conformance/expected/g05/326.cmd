history -r f7f3f0e3cd97:f7f3f0e3cd97
