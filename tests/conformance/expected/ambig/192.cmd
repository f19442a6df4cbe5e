stamp --sql f00dbeef0003:base
