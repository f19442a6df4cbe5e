stamp --sql f00dbeef0003
