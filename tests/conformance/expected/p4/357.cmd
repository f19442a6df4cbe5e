stamp --sql zz@head
