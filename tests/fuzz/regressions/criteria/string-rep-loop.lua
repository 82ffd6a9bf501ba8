set { id = "k", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }
for i = 1, 1e6 do local s = ("x"):rep(1e7) end
