stamp --sql head:f00dbeef0003
