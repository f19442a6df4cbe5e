history -v -r aaaa0001:bbbb0001
