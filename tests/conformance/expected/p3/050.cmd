history -r bbbb0001:+2
