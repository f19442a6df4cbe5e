stamp --sql abcdlabel@head
