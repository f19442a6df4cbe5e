show aaaa
