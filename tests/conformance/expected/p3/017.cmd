history -r bbbb0002:cccc0001
