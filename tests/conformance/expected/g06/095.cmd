show ac
