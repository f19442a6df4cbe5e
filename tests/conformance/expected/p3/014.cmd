history -r bbbb0001:aaaa0001
