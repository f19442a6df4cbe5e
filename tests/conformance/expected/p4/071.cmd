history -r netlib@base:netlib@head
