history -r bbbb0002:bbbb0002
