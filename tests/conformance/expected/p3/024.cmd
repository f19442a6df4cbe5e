history -r bbbb0001:
