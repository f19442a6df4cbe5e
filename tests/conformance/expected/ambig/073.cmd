history -r abcdlabel@base:abcdlabel@head
