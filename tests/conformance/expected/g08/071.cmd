history -r zz@base:zz@head
