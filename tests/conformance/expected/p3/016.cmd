history -r bbbb0001:cccc0001
