history -r :bbbb0002-1
