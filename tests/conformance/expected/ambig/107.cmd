show abcdlabel@head
