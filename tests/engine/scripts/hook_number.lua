packet = 5
