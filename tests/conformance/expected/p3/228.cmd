history -r bbbb0001:bbbb0001
