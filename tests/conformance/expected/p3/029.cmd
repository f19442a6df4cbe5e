history -r :bbbb0002
