set { id = "k", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }
setmetatable({}, { __gc = function() while true do end end })
