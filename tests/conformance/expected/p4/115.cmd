show netlib@head
