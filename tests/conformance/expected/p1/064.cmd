show ae10
