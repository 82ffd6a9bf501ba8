for i = 1, 1e6 do local s = ("x"):rep(1e7) end
