history -r bbbb0001-1:
