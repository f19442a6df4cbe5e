show eeee0001@head
