show f710f770c226@head
