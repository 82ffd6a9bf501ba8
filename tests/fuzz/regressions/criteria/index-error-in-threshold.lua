local boom = { __index = function(t, k) error("no field " .. tostring(k)) end }
set { id = "k", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }
criterion "1" { name = "n", indicator "1.1" { name = "n", measure = v.households_total, min = by_region(setmetatable({ btb = 1 }, boom)), cite = "c" } }
