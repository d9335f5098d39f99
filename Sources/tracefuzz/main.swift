print("tracefuzz")
