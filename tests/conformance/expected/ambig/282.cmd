history -r f00dbeef0003:f00dbeef0003
