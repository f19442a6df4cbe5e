show f9f380f1de02
