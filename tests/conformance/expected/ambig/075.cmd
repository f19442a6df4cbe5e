history -r :abcdlabel@head
