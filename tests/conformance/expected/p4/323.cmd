stamp --sql netlib@head
