print("pvyield")
