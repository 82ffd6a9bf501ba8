set { id = "k", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }
local m = v.households_total
for i = 1, 100 do m = m + v.households_total end
criterion "1" { name = "n", indicator "1.1" { name = "n", measure = m, min = 1, cite = "c" } }
